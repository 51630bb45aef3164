package no.rusplan.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import no.rusplan.content.ContentFile;
import no.rusplan.content.ContentProblemsException;
import no.rusplan.content.Problem;
import no.rusplan.model.AgeBand;
import no.rusplan.model.Arena;
import no.rusplan.model.Audience;
import no.rusplan.model.Chapter;
import no.rusplan.model.ContentType;
import no.rusplan.model.Cost;
import no.rusplan.model.Listing;
import no.rusplan.model.Location;
import no.rusplan.model.Measure;
import no.rusplan.model.MeasureOverview;
import no.rusplan.model.Municipality;
import no.rusplan.model.Page;
import no.rusplan.model.Plan;
import no.rusplan.model.PlanStatus;
import no.rusplan.model.PreventionLevel;
import no.rusplan.model.Program;
import no.rusplan.model.ProgramType;
import no.rusplan.model.Referral;
import no.rusplan.model.Service;
import no.rusplan.model.ServiceKind;
import no.rusplan.model.SiteModel;
import no.rusplan.model.SiteSettings;
import no.rusplan.model.Term;
import no.rusplan.model.TermKind;

/**
 * Turns content files into the typed {@link SiteModel}, checking every required field, every
 * closed vocabulary and every reference between items. All problems are collected and
 * reported together, each as {@code file:line: what is wrong}.
 */
public final class ModelBuilder {
    /** AsciiDoc's own header attributes that authors may set on any page. */
    private static final List<String> ASCIIDOC_ATTRIBUTES = List.of("jbake-type", "jbake-status", "jbake-date",
            "description", "keywords", "toc", "toclevels", "sectnums", "sectanchors", "sectlinks", "idprefix",
            "idseparator", "lang", "experimental", "imagesdir", "hardbreaks-option");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[a-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ]{2,15}[0-9]");

    private final SiteSettings settings;
    private final List<Problem> problems = new ArrayList<>();
    private final List<Municipality> municipalities = new ArrayList<>();
    private final List<Plan> plans = new ArrayList<>();
    private final List<Chapter> chapters = new ArrayList<>();
    private final List<Measure> measures = new ArrayList<>();
    private final List<Service> services = new ArrayList<>();
    private final List<Program> programs = new ArrayList<>();
    private final List<Term> terms = new ArrayList<>();
    private final List<Page> pages = new ArrayList<>();
    private final List<MeasureOverview> overviews = new ArrayList<>();
    /** Every reference to check once all ids are known. */
    private final List<Reference> references = new ArrayList<>();
    /** First file that claimed an id, per type. */
    private final Map<String, ContentFile> ids = new HashMap<>();

    private record Reference(Fields from, String attribute, ContentType type, String id) {
    }

    /** A directory page with a fixed filter, checked once the whole model exists. */
    private record FilteredPage(Fields from, Page page) {
    }

    private final List<FilteredPage> filtered = new ArrayList<>();

    public ModelBuilder(SiteSettings settings) {
        this.settings = settings;
    }

    /**
     * Builds the model, or throws with every problem found (including {@code earlier} ones,
     * e.g. from reading the files).
     */
    public SiteModel build(List<ContentFile> files, List<Problem> earlier) throws ContentProblemsException {
        problems.addAll(earlier);
        for (ContentFile file : files) {
            add(file);
        }
        for (Reference ref : references) {
            if (!ids.containsKey(ref.type().code() + ":" + ref.id())) {
                ref.from().problem(ref.attribute(), "unknown " + ref.type().code() + " '" + ref.id()
                        + "' in :" + ref.attribute() + ":");
            }
        }
        if (!problems.isEmpty()) {
            throw new ContentProblemsException(problems);
        }
        SiteModel site = new SiteModel(settings, municipalities, plans, chapters, measures, services, programs, terms, pages,
                overviews);
        for (FilteredPage fp : filtered) {
            var facets = site.facetsOf(fp.page().listing());
            if (facets.isEmpty()) {
                fp.from().problem("filter", ":filter: only works on directories that list services or programs");
            } else {
                facets.get().invalid(fp.page().filter()).ifPresent(why -> fp.from().problem("filter", ":filter: " + why));
            }
        }
        if (!problems.isEmpty()) {
            throw new ContentProblemsException(problems);
        }
        return site;
    }

    /** {@code :filter: for=relatives&kommune=grong}: a fixed selection for a directory page. */
    private static Map<String, String> filter(Fields f) {
        String text = f.optional("filter");
        Map<String, String> selection = new java.util.LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                f.problem("filter", ":filter: must be name=value pairs joined by &, not '" + pair + "'");
                continue;
            }
            selection.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return Map.copyOf(selection);
    }

    private void add(ContentFile file) {
        Fields f = new Fields(file, problems);
        String typeName = f.required("jbake-type");
        if (typeName.isEmpty()) {
            return;
        }
        ContentType type = f.code("jbake-type", ContentType.class, true);
        if (type == null) {
            return;
        }
        Location location = new Location(file.file(), Location.urlOf(file.relative()));
        String id = type == ContentType.CHAPTER || type == ContentType.MEASURE || type == ContentType.MEASURES
                ? file.pathId() : file.baseName();
        ContentFile clash = ids.putIfAbsent(type.code() + ":" + id, file);
        if (clash != null) {
            problems.add(new Problem(file.file(), file.titleLine(), "duplicate " + type.code() + " id '" + id
                    + "': " + clash.file() + " has it too (ids are file names)"));
        }
        switch (type) {
            case MUNICIPALITY -> municipalities.add(new Municipality(id, f.title(), f.optional("county"),
                    f.optional("region"), plans(f, "source"), location));
            case PLAN -> plans.add(plan(f, id, location));
            case CHAPTER -> chapters.add(new Chapter(id, plan(f, "plan"), f.title(), f.integer("order"),
                    f.texts("measure-sections", false), location));
            case MEASURE -> measures.add(measure(f, id, location));
            case MEASURES -> overviews.add(new MeasureOverview(id, plan(f, "plan"), f.title(), location));
            case SERVICE -> services.add(service(f, id, location));
            case PROGRAM -> programs.add(new Program(id, f.title(), f.code("program-type", ProgramType.class, true),
                    f.required("summary"), f.codes("age-bands", AgeBand.class), f.codes("arenas", Arena.class),
                    f.texts("topics", false), plans(f, "source"), location));
            case TERM -> terms.add(new Term(id, f.title(), f.required("expansion"),
                    f.code("term-kind", TermKind.class, true), plans(f, "source"), location));
            case PAGE -> pages.add(new Page(id, f.title(), null, Map.of(), location));
            case DIRECTORY -> {
                Page page = new Page(id, f.title(), f.code("lists", Listing.class, true), filter(f), location);
                pages.add(page);
                if (!page.filter().isEmpty()) {
                    filtered.add(new FilteredPage(f, page));
                }
            }
        }
        f.reportUnknown(ASCIIDOC_ATTRIBUTES);
    }

    private Plan plan(Fields f, String id, Location location) {
        String title = f.title();
        String shortTitle = f.optional("short-title");
        return new Plan(id, title, shortTitle.isEmpty() ? title : shortTitle,
                refs(f, "municipalities", ContentType.MUNICIPALITY, true), f.required("period"),
                f.code("status", PlanStatus.class, true), f.optional("status-note"), f.optional("adopted-by"),
                f.optional("adopted-date"), f.optional("vision"), f.texts("main-goals", false),
                f.required("source-document"), f.date("plan-date", true), location);
    }

    private Measure measure(Fields f, String id, Location location) {
        return new Measure(id, plan(f, "plan"), f.optional("number"), f.integer("order"), f.title(),
                f.required("goal"), f.required("section"),
                f.code("prevention-level", PreventionLevel.class, false), f.optional("period"), f.optional("cost"),
                f.texts("responsible", false), f.optional("target-group"), f.optional("result"),
                refs(f, "programs", ContentType.PROGRAM, false), refs(f, "services", ContentType.SERVICE, false),
                location);
    }

    private Service service(Fields f, String id, Location location) {
        List<String> phones = f.texts("phone", false);
        phones.stream().filter(p -> !PHONE.matcher(p).matches()).forEach(p ->
                f.problem("phone", "'" + p + "' is not a phone number (digits and spaces, optionally a leading +)"));
        List<String> emails = f.texts("email", false);
        emails.stream().filter(e -> !EMAIL.matcher(e).matches()).forEach(e ->
                f.problem("email", "'" + e + "' is not an e-mail address"));
        return new Service(id, f.title(), f.code("kind", ServiceKind.class, true), f.optional("provider"),
                f.required("summary"), f.codes("audience", Audience.class),
                refs(f, "municipalities", ContentType.MUNICIPALITY, true), f.code("referral", Referral.class, true),
                f.code("cost", Cost.class, true), f.optional("place"), phones, emails, f.optional("contact-note"),
                plans(f, "source"), f.date("verified", true), location);
    }

    private String plan(Fields f, String attribute) {
        String planId = f.required(attribute);
        if (!planId.isEmpty()) {
            references.add(new Reference(f, attribute, ContentType.PLAN, planId));
        }
        return planId;
    }

    private List<String> plans(Fields f, String attribute) {
        return refs(f, attribute, ContentType.PLAN, true);
    }

    private List<String> refs(Fields f, String attribute, ContentType type, boolean required) {
        List<String> list = f.ids(attribute, required);
        list.forEach(id -> references.add(new Reference(f, attribute, type, id)));
        return list;
    }
}
