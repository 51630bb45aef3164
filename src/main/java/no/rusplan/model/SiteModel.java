package no.rusplan.model;

import java.nio.file.Path;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * All content of one site, typed and cross-referenced. Built once per build by the validation
 * stage (which guarantees every id referred to exists) and read by templates and the indexer.
 * Domain questions ("which services serve Grong?") are answered here, not in templates.
 */
public final class SiteModel {
    private static final Collator NORWEGIAN = Collator.getInstance(Locale.forLanguageTag("nb"));

    private final SiteSettings settings;
    private final Map<String, Municipality> municipalities;
    private final Map<String, Plan> plans;
    private final List<Chapter> chapters;
    private final List<Measure> measures;
    /** Measures by plan, program and service, in plan order: templates ask per page, so these are built once. */
    private final Map<String, List<Measure>> measuresByPlan;
    private final Map<String, List<Measure>> measuresByProgram = new java.util.HashMap<>();
    private final Map<String, List<Measure>> measuresByService = new java.util.HashMap<>();
    private final Map<String, Service> services;
    /** Per municipality id, the services serving it, in the services' order. */
    private final Map<String, List<Service>> servicesByMunicipality = new java.util.HashMap<>();
    private final Map<String, Program> programs;
    private final Map<String, Term> terms;
    private final List<Page> pages;
    private final List<MeasureOverview> overviews;
    /** In the order items are listed below (each kind in file order), never by hash: the index's order and its ties follow it. */
    private final Map<Path, Item> itemsByFile = new LinkedHashMap<>();
    private final Glossary glossary;
    private final Facets<Service> helpDirectory;
    private final Facets<Program> programDirectory;

    public SiteModel(SiteSettings settings, List<Municipality> municipalities, List<Plan> plans,
                     List<Chapter> chapters, List<Measure> measures, List<Service> services,
                     List<Program> programs, List<Term> terms, List<Page> pages, List<MeasureOverview> overviews) {
        this.settings = settings;
        this.municipalities = byId(municipalities, Municipality::id, Municipality::name);
        this.plans = byId(plans, Plan::id, Plan::title);
        this.chapters = chapters.stream()
                .sorted(Comparator.comparing(Chapter::planId).thenComparingInt(Chapter::order)).toList();
        this.measures = measures.stream()
                .sorted(Comparator.comparing(Measure::planId).thenComparingInt(Measure::order)).toList();
        this.measuresByPlan = this.measures.stream().collect(java.util.stream.Collectors.groupingBy(Measure::planId));
        for (Measure m : this.measures) {
            m.programs().forEach(p -> measuresByProgram.computeIfAbsent(p, k -> new ArrayList<>()).add(m));
            m.services().forEach(id -> measuresByService.computeIfAbsent(id, k -> new ArrayList<>()).add(m));
        }
        this.services = byId(services, Service::id, Service::name);
        this.programs = byId(programs, Program::id, Program::name);
        this.terms = byId(terms, Term::id, Term::term);
        this.pages = List.copyOf(pages);
        this.overviews = List.copyOf(overviews);
        municipalities.forEach(m -> itemsByFile.put(key(m.location()), m));
        plans.forEach(p -> itemsByFile.put(key(p.location()), p));
        chapters.forEach(c -> itemsByFile.put(key(c.location()), c));
        measures.forEach(m -> itemsByFile.put(key(m.location()), m));
        services.forEach(s -> itemsByFile.put(key(s.location()), s));
        programs.forEach(p -> itemsByFile.put(key(p.location()), p));
        terms.forEach(t -> itemsByFile.put(key(t.location()), t));
        pages.forEach(p -> itemsByFile.put(key(p.location()), p));
        overviews.forEach(o -> itemsByFile.put(key(o.location()), o));
        // asked for every municipality's page (and again by serve --watch): answered once, by Service.serves
        this.municipalities.keySet().forEach(id -> servicesByMunicipality.put(id,
                this.services.values().stream().filter(s -> s.serves(id)).toList()));
        this.glossary = new Glossary(abbreviations());
        this.helpDirectory = new Facets<>(services(), List.of(
                new Facets.Dimension<>("kommune", "filter.municipality", Service::municipalities,
                        municipalities().stream().map(m -> Facets.Option.literal(m.id(), m.name())).toList()),
                new Facets.Dimension<>("for", "filter.audience", (Service s) -> codes(s.audiences()),
                        options(Audience.values())),
                new Facets.Dimension<>("type", "filter.kind", (Service s) -> List.of(s.kind().code()),
                        options(ServiceKind.values())),
                new Facets.Dimension<>("henvisning", "filter.referral", (Service s) -> List.of(s.referral().code()),
                        shortOptions(Referral.values())),
                new Facets.Dimension<>("kostnad", "filter.cost", (Service s) -> List.of(s.cost().code()),
                        shortOptions(Cost.values()))));
        this.programDirectory = new Facets<>(programs(), List.of(
                new Facets.Dimension<>("alder", "filter.ageBand", (Program p) -> codes(p.ageBands()),
                        options(AgeBand.values())),
                new Facets.Dimension<>("arena", "filter.arena", (Program p) -> codes(p.arenas()), options(Arena.values())),
                new Facets.Dimension<>("tema", "filter.topic", Program::topics,
                        this.programs.values().stream().flatMap(p -> p.topics().stream()).distinct()
                                .sorted(NORWEGIAN).map(t -> Facets.Option.literal(t, t)).toList())));
    }

    private static List<String> codes(List<? extends Coded> values) {
        return values.stream().map(Coded::code).toList();
    }

    /** Options labelled with the short form {@code filter.<vocabulary>.<code>} (for a select box). */
    private static List<Facets.Option> shortOptions(Coded[] values) {
        return java.util.Arrays.stream(values)
                .map(c -> new Facets.Option(c.code(), "filter." + c.labelKey(), "")).toList();
    }

    private static List<Facets.Option> options(Coded[] values) {
        return java.util.Arrays.stream(values).map(Facets.Option::coded).toList();
    }

    private static Path key(Location location) {
        return key(location.file());
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /**
     * By id, in Norwegian order of their names: each name's collation key is made once (the
     * same order as comparing the names with the collator, without collating both names at
     * every comparison).
     */
    private static <T> Map<String, T> byId(Collection<T> items, Function<T, String> id, Function<T, String> name) {
        return items.stream().map(item -> Map.entry(NORWEGIAN.getCollationKey(name.apply(item)), item))
                .sorted(Map.Entry.comparingByKey())
                .collect(Collectors.toMap(entry -> id.apply(entry.getValue()), Map.Entry::getValue, (a, b) -> a,
                        LinkedHashMap::new));
    }

    public SiteSettings settings() {
        return settings;
    }

    /** The typed item a content file became, for its page template. */
    public Optional<Item> itemFor(Path file) {
        return Optional.ofNullable(itemsByFile.get(key(file)));
    }

    /** Every item that has a page of its own, for the indexer and link checks. */
    public Collection<Item> items() {
        return itemsByFile.values();
    }

    // --- municipalities -------------------------------------------------------------------

    public List<Municipality> municipalities() {
        return List.copyOf(municipalities.values());
    }

    public Municipality municipality(String id) {
        return Objects.requireNonNull(municipalities.get(id), id);
    }

    public List<Municipality> municipalities(List<String> ids) {
        return ids.stream().map(this::municipality).sorted(Comparator.comparing(Municipality::name, NORWEGIAN)).toList();
    }

    /** Names of the given municipalities, for display and the search index. */
    public List<String> municipalityNames(List<String> ids) {
        return municipalities(ids).stream().map(Municipality::name).toList();
    }

    // --- plans, chapters, measures ------------------------------------------------------

    public List<Plan> plans() {
        return List.copyOf(plans.values());
    }

    public Plan plan(String id) {
        return Objects.requireNonNull(plans.get(id), id);
    }

    public List<Plan> plansFor(String municipalityId) {
        return plans.values().stream().filter(p -> p.municipalities().contains(municipalityId)).toList();
    }

    public List<Plan> plans(List<String> ids) {
        return ids.stream().map(this::plan).toList();
    }

    public List<Chapter> chaptersOf(String planId) {
        return chapters.stream().filter(c -> c.planId().equals(planId)).toList();
    }

    public Optional<Chapter> previousChapter(Chapter chapter) {
        List<Chapter> all = chaptersOf(chapter.planId());
        int i = all.indexOf(chapter);
        return i > 0 ? Optional.of(all.get(i - 1)) : Optional.empty();
    }

    public Optional<Chapter> nextChapter(Chapter chapter) {
        List<Chapter> all = chaptersOf(chapter.planId());
        int i = all.indexOf(chapter);
        return i >= 0 && i + 1 < all.size() ? Optional.of(all.get(i + 1)) : Optional.empty();
    }

    public List<Measure> measuresOf(String planId) {
        return List.copyOf(measuresByPlan.getOrDefault(planId, List.of()));
    }

    /** A plan's measures as its tables group them: by section, then by goal, in plan order. */
    public List<MeasureGroup> measureGroups(String planId) {
        return group(measuresOf(planId));
    }

    /** The measure tables that stand in one chapter. */
    public List<MeasureGroup> measureGroups(Chapter chapter) {
        return group(measuresOf(chapter.planId()).stream()
                .filter(m -> chapter.measureSections().contains(m.section())).toList());
    }

    private static List<MeasureGroup> group(List<Measure> ordered) {
        List<MeasureGroup> groups = new ArrayList<>();
        for (Measure m : ordered) {
            MeasureGroup last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last != null && last.section().equals(m.section()) && last.goal().equals(m.goal())) {
                List<Measure> extended = new ArrayList<>(last.measures());
                extended.add(m);
                groups.set(groups.size() - 1, new MeasureGroup(last.section(), last.goal(), List.copyOf(extended)));
            } else {
                groups.add(new MeasureGroup(m.section(), m.goal(), List.of(m)));
            }
        }
        return groups;
    }

    /** The measure overview page of a plan, if the plan has one. */
    public Optional<MeasureOverview> overviewOf(String planId) {
        return overviews.stream().filter(o -> o.planId().equals(planId)).findFirst();
    }

    /** "Hvem har ansvar for hva": each responsible unit with the measures it is named for, by unit. */
    public Map<String, List<Measure>> measuresByResponsible(String planId) {
        List<Map.Entry<String, Measure>> byUnit = new ArrayList<>();
        for (Measure m : measuresOf(planId)) {
            if (m.responsible().isEmpty()) {
                byUnit.add(Map.entry("", m));
            }
            for (String unit : m.responsible()) {
                byUnit.add(Map.entry(normalizeUnit(unit), m));
            }
        }
        return inNorwegianOrder(byUnit);
    }

    /** Units as plans write them, with the first letter capitalised ("helse" and "Helse" are one unit). */
    private static String normalizeUnit(String unit) {
        String u = unit.strip();
        return u.isEmpty() ? u : Character.toUpperCase(u.charAt(0)) + u.substring(1);
    }

    /** Measures grouped by their period or deadline as written, in order of first appearance. */
    public Map<String, List<Measure>> measuresByPeriod(String planId) {
        return groupBy(measuresOf(planId), Measure::period);
    }

    /** Measures grouped by their status or result text as written. */
    public Map<String, List<Measure>> measuresByStatus(String planId) {
        return groupBy(measuresOf(planId), Measure::result);
    }

    private static Map<String, List<Measure>> groupBy(List<Measure> measures, Function<Measure, String> key) {
        return inNorwegianOrder(measures.stream().map(m -> Map.entry(key.apply(m), m)).toList());
    }

    /**
     * Measures grouped by key, the groups in Norwegian order of their keys; keys the collator
     * holds equal are one group, named by the first (as a map sorted by the collator would be).
     * Each key's collation key is made once, and the answer is a plain ordered map: the collator
     * is shared and synchronized, and pages and {@code serve --watch} ask for these often.
     */
    private static Map<String, List<Measure>> inNorwegianOrder(List<Map.Entry<String, Measure>> keyed) {
        Map<String, java.text.CollationKey> collationKeys = new java.util.HashMap<>();
        Map<java.text.CollationKey, Map.Entry<String, List<Measure>>> groups = new java.util.HashMap<>();
        for (Map.Entry<String, Measure> entry : keyed) {
            java.text.CollationKey collationKey = collationKeys.computeIfAbsent(entry.getKey(), NORWEGIAN::getCollationKey);
            groups.computeIfAbsent(collationKey, k -> Map.entry(entry.getKey(), new ArrayList<>())).getValue().add(entry.getValue());
        }
        Map<String, List<Measure>> ordered = new LinkedHashMap<>();
        groups.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(group -> ordered.put(group.getValue().getKey(), group.getValue().getValue()));
        return ordered;
    }

    public List<Measure> measuresUsingProgram(String programId) {
        return List.copyOf(measuresByProgram.getOrDefault(programId, List.of()));
    }

    public List<Measure> measuresConcerningService(String serviceId) {
        return List.copyOf(measuresByService.getOrDefault(serviceId, List.of()));
    }

    // --- services, programs, terms ----------------------------------------------------------

    public List<Service> services() {
        return List.copyOf(services.values());
    }

    public Service service(String id) {
        return Objects.requireNonNull(services.get(id), id);
    }

    public List<Service> services(List<String> ids) {
        return ids.stream().map(this::service).toList();
    }

    /** The services whose sources say they serve this municipality, by name. */
    public List<Service> servicesFor(String municipalityId) {
        return servicesByMunicipality.getOrDefault(municipalityId, List.of());
    }

    public List<Program> programs() {
        return List.copyOf(programs.values());
    }

    public Program program(String id) {
        return Objects.requireNonNull(programs.get(id), id);
    }

    public List<Program> programs(List<String> ids) {
        return ids.stream().map(this::program).toList();
    }

    /** Municipalities whose plans use a program, through a measure or as a source. */
    public List<Municipality> municipalitiesUsing(Program program) {
        List<String> ids = new ArrayList<>();
        measuresUsingProgram(program.id()).forEach(m -> ids.addAll(plan(m.planId()).municipalities()));
        program.sources().forEach(p -> ids.addAll(plan(p).municipalities()));
        return municipalities(ids.stream().distinct().toList());
    }

    public List<Term> terms() {
        return List.copyOf(terms.values());
    }

    /**
     * Abbreviations with exactly one meaning in the glossary, to their expansion. An
     * abbreviation the plans use for two things (LMS) is left out: guessing would mislead.
     */
    public Glossary glossary() {
        return glossary;
    }

    private Map<String, String> abbreviations() {
        Map<String, List<Term>> byName = terms.values().stream()
                .filter(t -> t.kind() == TermKind.ABBREVIATION)
                .collect(Collectors.groupingBy(t -> t.term().replaceAll(" \\(.*\\)$", "")));
        Map<String, String> unique = new LinkedHashMap<>();
        byName.forEach((name, list) -> {
            if (list.size() == 1) {
                unique.put(name, list.get(0).expansion());
            }
        });
        return unique;
    }

    /** Services whose {@code verified} date is older than the configured maximum age. */
    public List<Service> staleServices(java.time.LocalDate today) {
        return services.values().stream().filter(s -> isStale(s.verified(), today)).toList();
    }

    /** Help offers with their filters: municipality, audience, kind, referral, cost. */
    public Facets<Service> helpDirectory() {
        return helpDirectory;
    }

    /** Programs with their filters: age band, arena, topic. */
    public Facets<Program> programDirectory() {
        return programDirectory;
    }

    /** The filters of the collection a directory page lists, if it has any. */
    public Optional<Facets<?>> facetsOf(Listing listing) {
        if (listing == Listing.SERVICES) {
            return Optional.of(helpDirectory);
        }
        return listing == Listing.PROGRAMS ? Optional.of(programDirectory) : Optional.empty();
    }

    /**
     * What a directory page lists: its collection with the page's fixed filter and the visitor's
     * {@code selection} (valid, see {@link Facets#invalid}) applied, e.g. on the page for
     * relatives only relatives' services, filtered further by municipality.
     *
     * @throws IllegalArgumentException if the page lists nothing that can be filtered
     */
    public FilteredList<?> directory(Page page, Map<String, String> selection) {
        Facets<?> facets = page.listing() == null ? null : facetsOf(page.listing()).orElse(null);
        if (facets == null) {
            throw new IllegalArgumentException(page.location().url() + " lists nothing that can be filtered");
        }
        return facets.apply(page.filter(), selection);
    }

    /** What a baked directory page lists: {@link #directory(Page, Map)} with nothing chosen. */
    public FilteredList<?> directory(Page page) {
        return directory(page, Map.of());
    }

    /** The directory page that lists a collection without a fixed filter, e.g. {@code /hjelp/}. */
    public Optional<Page> unfilteredDirectory(Listing listing) {
        return pages.stream().filter(p -> p.listing() == listing && p.filter().isEmpty()).findFirst();
    }

    /** Directory pages that list a collection with a fixed filter, e.g. help for relatives. */
    public List<Page> filteredDirectories(Listing listing) {
        return pages.stream().filter(p -> p.listing() == listing && !p.filter().isEmpty())
                .sorted(Comparator.comparing(Page::title, NORWEGIAN)).toList();
    }

    /** The item published at a URL, e.g. {@code /hjelp/}. */
    public Optional<Item> itemAt(String url) {
        return itemsByFile.values().stream().filter(i -> i.location().url().equals(url)).findFirst();
    }

    public List<Page> pages() {
        return pages;
    }

    /** Whether an entry verified on {@code verified} is older than the configured maximum age. */
    public boolean isStale(PartialDate verified, java.time.LocalDate today) {
        return verified.latestDay().plusMonths(settings.verifiedMaxAgeMonths()).isBefore(today);
    }
}
