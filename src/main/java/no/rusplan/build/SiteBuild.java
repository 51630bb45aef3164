package no.rusplan.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.rusplan.analysis.SynonymTable;
import no.rusplan.bake.AsciidocConverter;
import no.rusplan.bake.BakeException;
import no.rusplan.bake.ConvertedBodies;
import no.rusplan.bake.PageRenderer;
import no.rusplan.bake.SiteBaker;
import no.rusplan.bake.StaticSearchPage;
import no.rusplan.content.ContentFile;
import no.rusplan.content.ContentProblemsException;
import no.rusplan.content.ContentReader;
import no.rusplan.content.Problem;
import no.rusplan.index.IndexEntries;
import no.rusplan.index.IndexEntry;
import no.rusplan.index.IndexFields;
import no.rusplan.index.SearchIndexer;
import no.rusplan.index.StaticIndexWriter;
import no.rusplan.model.Audience;
import no.rusplan.model.Coded;
import no.rusplan.model.ContentType;
import no.rusplan.model.Item;
import no.rusplan.model.Municipality;
import no.rusplan.model.SiteModel;
import no.rusplan.model.SiteSettings;
import no.rusplan.render.Messages;
import no.rusplan.render.ModelReads;
import no.rusplan.render.SiteView;
import no.rusplan.validate.LinkChecker;
import no.rusplan.validate.ModelBuilder;
import no.rusplan.validate.StalenessCheck;

/**
 * The whole pipeline: read content → typed model + validation → bake with JBake → check
 * links → Lucene index. The site and the index are built in staging directories and swapped
 * into place only when every stage succeeded, so a failed build leaves the published site and
 * index untouched.
 */
public final class SiteBuild {
    private final ProjectLayout layout;
    private final LocalDate today;
    private Progress progress = Progress.SILENT;
    private boolean liveReload;
    private boolean keepReads;

    /**
     * What a build produced; {@code upToDate} when the published site and index were already
     * built from exactly these inputs ({@link BuildStamp}) and were left as they are;
     * {@code reads}, with {@link #withModelReads}, what each content page read from the model;
     * {@code entries}, every page's search index entry in the index's order, when this build or
     * the one it rebuilt from read them (not when it found the site up to date);
     * {@code staticIndexCurrent}, whether the static index ({@code /search/}) was written from
     * exactly these pages ({@link #refreshStaticIndex} brings it up to date after a rebuild).
     */
    public record Outcome(SiteModel site, int pages, int indexed, Duration time, boolean published,
                          List<Problem> warnings, PhaseTimes phases, List<ContentFile> files, boolean upToDate,
                          Optional<ModelReads> reads, Optional<List<IndexEntry>> entries, boolean staticIndexCurrent) {
    }

    public SiteBuild(ProjectLayout layout, LocalDate today) {
        this.layout = layout;
        this.today = today;
    }

    /** Bakes pages that reload themselves when the site is rebuilt ({@code serve --watch} only). */
    public SiteBuild withLiveReload(boolean on) {
        this.liveReload = on;
        return this;
    }

    /**
     * Keeps what each content page's templates read from the model ({@link ModelReads}), so that
     * a later {@link #rebuildPages} after a header change renders only the pages it may touch
     * instead of every page ({@code serve --watch}).
     */
    public SiteBuild withModelReads(boolean on) {
        this.keepReads = on;
        return this;
    }

    /** Reports progress of long stages to {@code progress} (default: silent). */
    public SiteBuild withProgress(Progress progress) {
        this.progress = progress;
        return this;
    }

    /** Builds and publishes to {@code target/site/} and {@code search-index/}. */
    public Outcome build() throws ContentProblemsException, BakeException, IOException {
        return run(true);
    }

    /**
     * Rebuilds only what {@code changed} files touch. When only the text of content files
     * changed (every header exactly as {@code previous} read it), the model is unchanged, and
     * so is every page that lists them: each body is converted (cache first), its page rendered
     * and link-checked in memory and then swapped in, and its search index entries replaced.
     * When a header, a template or an asset changed, see {@link #rebuildByRendering}. Returns
     * empty when the change needs a full build (content files added or removed,
     * {@code site.properties}, anything else). The static index ({@code /search/}) is left as
     * it was: {@link #refreshStaticIndex} brings it up to date ({@code serve --watch} does, in the
     * background, after open pages were reloaded), and so does the next full build. What
     * {@code serve --watch} tries first.
     */
    public Optional<Outcome> rebuildPages(Outcome previous, Set<Path> changed)
            throws ContentProblemsException, BakeException, IOException {
        long start = System.nanoTime();
        PhaseTimes times = new PhaseTimes();
        if (!previous.published() || changed.isEmpty()) {
            return Optional.empty();
        }
        Map<Path, ContentFile> before = new HashMap<>();
        previous.files().forEach(f -> before.put(f.file().toAbsolutePath().normalize(), f));
        ContentReader reader = new ContentReader(layout.contentDir());
        List<ContentFile> fresh = new ArrayList<>();
        List<Path> assets = new ArrayList<>();
        List<Problem> readProblems = new ArrayList<>();
        boolean templates = false;
        boolean headers = false;
        for (Path path : changed) {
            Path file = path.toAbsolutePath().normalize();
            if (file.startsWith(layout.templatesDir().toAbsolutePath().normalize())) {
                templates = true; // a template or the UI strings: any page may look different
                continue;
            }
            if (file.startsWith(layout.assetsDir().toAbsolutePath().normalize())) {
                if (!Files.isRegularFile(file)) {
                    return Optional.empty(); // removed: the full build leaves it out
                }
                assets.add(file);
                continue;
            }
            if (!file.toString().endsWith(".adoc") || !Files.isRegularFile(file) || !before.containsKey(file)) {
                return Optional.empty();
            }
            ContentFile read = reader.read(file, readProblems);
            if (read == null) {
                return Optional.empty(); // an unreadable file: the full build reports it
            }
            headers |= !read.equals(before.get(file)); // the model may have changed
            fresh.add(read);
        }
        if (!readProblems.isEmpty()) {
            throw new ContentProblemsException(readProblems);
        }
        // the published output is about to differ from what its stamp says (and the static
        // index is not refreshed here): the next full build must not take it as up to date
        Files.deleteIfExists(layout.indexDir().resolve(BuildStamp.FILE));
        if (templates || headers || !assets.isEmpty()) {
            return rebuildByRendering(previous, fresh, templates, assets, start, times);
        }
        times.end("read");
        SiteModel site = previous.site();
        Messages messages = Messages.load(layout.templatesDir(), site.settings().lang());
        AsciidocConverter converter = new AsciidocConverter(asciidocAttributes(messages, site.settings()));
        List<Problem> problems = new ArrayList<>();
        ConvertedBodies bodies = ConvertedBodies.of(fresh, ConvertedBodies.Scope.SOME_PAGES, converter, site.glossary(),
                bodiesDir(), problems, done -> { });
        if (!problems.isEmpty()) {
            throw new ContentProblemsException(problems);
        }
        times.end("convert");
        Optional<ModelReads> prior = priorReads(previous);
        Optional<ModelReads> reads = prior.map(kept -> new ModelReads(today));
        PageRenderer renderer = new PageRenderer(layout.templatesDir(), SiteView.baked(site, messages, today)
                .withLiveReload(liveReload), reads);
        LinkChecker links = new LinkChecker(layout.siteDir(), sourcesByUrl(site));
        IndexEntries entryReader = new IndexEntries(site, layout.siteDir());
        Map<Path, String> pages = new HashMap<>();
        List<IndexEntry> entries = new ArrayList<>();
        for (ContentFile file : fresh) {
            Item item = site.itemFor(file.file()).orElseThrow();
            String html = renderer.render(item, typeOf(file), bodies.html(file.file()));
            Path page = pageOf(item);
            CheckedPage checked = check(links, entryReader, page, html, item);
            problems.addAll(checked.problems());
            entries.add(checked.entry());
            pages.put(page, html);
        }
        if (!problems.isEmpty()) {
            throw new ContentProblemsException(problems);
        }
        for (Map.Entry<Path, String> page : pages.entrySet()) {
            writeAtomically(page.getKey(), page.getValue());
        }
        times.end("bake");
        new SearchIndexer().update(entries, layout.indexDir());
        times.end("index");
        return Optional.of(new Outcome(site, pages.size(), entries.size(), Duration.ofNanos(System.nanoTime() - start),
                true, previous.warnings(), times, replace(previous.files(), fresh), false,
                prior.map(kept -> kept.with(reads.orElseThrow())), previous.entries().map(all -> replaceEntries(all, entries)),
                entries.isEmpty() && previous.staticIndexCurrent()));
    }

    /** What the previous build's pages read from the model, if it kept that and rendered for today. */
    private Optional<ModelReads> priorReads(Outcome previous) {
        return keepReads ? previous.reads().filter(reads -> reads.day().equals(today)) : Optional.empty();
    }

    /**
     * A header changed, so the model may have, and with it any page that lists the item (its
     * municipality's page, a directory, the plan's measure table, the home page); or a template
     * or the UI strings changed; or assets. The model is built again from the files as
     * {@code previous} read them and the {@code fresh} ones, and validated. When only headers
     * changed and {@code previous} kept what its pages read ({@link #withModelReads}), only the
     * pages that may now look different are rendered ({@link ModelReads#affected}); otherwise
     * every page is, from the converted bodies (cached). Only pages whose HTML differs are
     * link-checked, written and re-indexed; changed assets are checked and copied. Empty when the
     * change needs a full build: a page's address or type changed, the glossary or the facet
     * labels changed (they shape conversion and the index as a whole).
     */
    private Optional<Outcome> rebuildByRendering(Outcome previous, List<ContentFile> fresh, boolean templates,
                                                 List<Path> assets, long start, PhaseTimes times)
            throws ContentProblemsException, BakeException, IOException {
        List<Problem> problems = new ArrayList<>();
        List<ContentFile> files = replace(previous.files(), fresh);
        Content content = new Content(files, new ModelBuilder(layout.settings()).build(files, problems));
        if (!problems.isEmpty()) {
            throw new ContentProblemsException(problems);
        }
        SiteModel site = content.site();
        Messages messages = Messages.load(layout.templatesDir(), site.settings().lang());
        if (!sameShape(previous, content)
                || !site.glossary().expansions().equals(previous.site().glossary().expansions())
                || !facetLabels(site, messages).equals(facetLabels(previous.site(), messages))) {
            return Optional.empty();
        }
        times.end("read");
        Optional<ModelReads> prior = templates || !assets.isEmpty() ? Optional.empty() : priorReads(previous);
        List<ContentFile> toRender = files;
        if (prior.isPresent()) {
            Set<Path> changedFiles = new java.util.HashSet<>();
            fresh.forEach(file -> changedFiles.add(file.file()));
            Set<Path> affected = prior.get().affected(previous.site(), site,
                    files.stream().map(ContentFile::file).toList(), changedFiles);
            toRender = files.stream().filter(file -> affected.contains(file.file())).toList();
        }
        AsciidocConverter converter = new AsciidocConverter(asciidocAttributes(messages, site.settings()));
        ConvertedBodies bodies = ConvertedBodies.of(toRender, prior.isPresent() ? ConvertedBodies.Scope.SOME_PAGES
                : ConvertedBodies.Scope.WHOLE_SITE, converter, site.glossary(), bodiesDir(), problems, done -> { });
        if (!problems.isEmpty()) {
            throw new ContentProblemsException(problems);
        }
        times.end("convert");
        Optional<ModelReads> reads = keepReads ? Optional.of(new ModelReads(today)) : Optional.empty();
        PageRenderer renderer = new PageRenderer(layout.templatesDir(), SiteView.baked(site, messages, today)
                .withLiveReload(liveReload), reads);
        Map<Path, Item> itemOf = new java.util.concurrent.ConcurrentHashMap<>();
        Map<Path, String> rendered = new java.util.concurrent.ConcurrentHashMap<>();
        for (Map.Entry<String, String> page : renderer.renderSitePages().entrySet()) {
            rendered.put(layout.siteDir().resolve(page.getKey()), page.getValue());
        }
        Optional<BakeException> failed = toRender.parallelStream().map(file -> {
            Item item = site.itemFor(file.file()).orElseThrow();
            Path page = pageOf(item);
            itemOf.put(page, item);
            try {
                rendered.put(page, renderer.render(item, typeOf(file), bodies.html(file.file())));
                return null;
            } catch (BakeException e) {
                return e;
            }
        }).filter(java.util.Objects::nonNull).findFirst();
        if (failed.isPresent()) {
            throw failed.get();
        }
        Map<Path, String> differing = new java.util.TreeMap<>();
        rendered.entrySet().parallelStream().filter(page -> !hasContent(page.getKey(), page.getValue()))
                .forEachOrdered(page -> differing.put(page.getKey(), page.getValue()));
        LinkChecker links = new LinkChecker(layout.siteDir(), sourcesByUrl(site));
        IndexEntries reader = new IndexEntries(site, layout.siteDir());
        List<CheckedPage> checked = differing.entrySet().parallelStream()
                .filter(page -> page.getKey().toString().endsWith(".html"))
                .map(page -> check(links, reader, page.getKey(), page.getValue(), itemOf.get(page.getKey())))
                .toList();
        checked.forEach(page -> problems.addAll(page.problems()));
        for (Path asset : assets) {
            if (asset.toString().endsWith(".css")) {
                problems.addAll(LinkChecker.checkStylesheet(asset));
            }
        }
        if (!problems.isEmpty()) {
            throw new ContentProblemsException(problems);
        }
        for (Path asset : assets) {
            Path target = layout.siteDir().resolve(layout.assetsDir().toAbsolutePath().normalize().relativize(asset).toString());
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".asset", ".tmp");
            Files.copy(asset, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        for (Map.Entry<Path, String> page : differing.entrySet()) {
            writeAtomically(page.getKey(), page.getValue());
        }
        times.end("bake");
        List<IndexEntry> entries = checked.stream().map(CheckedPage::entry).filter(java.util.Objects::nonNull).toList();
        new SearchIndexer().update(entries, layout.indexDir());
        times.end("index");
        return Optional.of(new Outcome(site, differing.size(), entries.size(), Duration.ofNanos(System.nanoTime() - start),
                true, StalenessCheck.warnings(site, today), times, content.files(), false,
                prior.isPresent() ? reads.map(newer -> prior.get().with(newer)) : reads,
                previous.entries().map(all -> replaceEntries(all, entries)), entries.isEmpty() && previous.staticIndexCurrent()));
    }

    /** What checking one rendered page found: its link problems, and its index entry if it is an item's page. */
    private record CheckedPage(List<Problem> problems, IndexEntry entry) {
    }

    /** Parses a rendered page once: checks its links, then reads its index entry ({@code item} null: none). */
    private static CheckedPage check(LinkChecker links, IndexEntries reader, Path page, String html, Item item) {
        org.jsoup.nodes.Document parsed = org.jsoup.Jsoup.parse(html);
        List<Problem> problems = links.checkPage(page, parsed);
        return new CheckedPage(problems, item == null ? null : reader.entry(item, parsed));
    }

    /** The published page of {@code item}. */
    private Path pageOf(Item item) {
        return layout.siteDir().resolve(item.location().url().substring(1)).resolve("index.html");
    }

    /** The same files, each at the same address with the same type as in {@code previous}. */
    private static boolean sameShape(Outcome previous, Content content) {
        if (previous.files().size() != content.files().size()) {
            return false;
        }
        Map<Path, ContentFile> before = new HashMap<>();
        previous.files().forEach(f -> before.put(f.file().toAbsolutePath().normalize(), f));
        for (ContentFile file : content.files()) {
            ContentFile old = before.get(file.file().toAbsolutePath().normalize());
            if (old == null || typeOf(old) != typeOf(file)) {
                return false;
            }
            Optional<Item> was = previous.site().itemFor(old.file());
            Optional<Item> now = content.site().itemFor(file.file());
            if (was.isEmpty() || now.isEmpty() || !was.get().location().url().equals(now.get().location().url())) {
                return false;
            }
        }
        return true;
    }

    private static ContentType typeOf(ContentFile file) {
        return file.attribute("jbake-type").flatMap(a -> Coded.parse(ContentType.class, a.value())).orElseThrow();
    }

    /** Whether {@code file} holds exactly {@code text} already. */
    private static boolean hasContent(Path file, String text) {
        try {
            return Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text);
        } catch (IOException e) {
            return false;
        }
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".page", ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<ContentFile> replace(List<ContentFile> files, List<ContentFile> fresh) {
        Map<Path, ContentFile> byPath = new java.util.LinkedHashMap<>();
        files.forEach(f -> byPath.put(f.file().toAbsolutePath().normalize(), f));
        fresh.forEach(f -> byPath.put(f.file().toAbsolutePath().normalize(), f));
        return List.copyOf(byPath.values());
    }

    /** {@code all} with each of {@code fresh} in place of the entry of the same page. */
    private static List<IndexEntry> replaceEntries(List<IndexEntry> all, List<IndexEntry> fresh) {
        Map<String, IndexEntry> byId = new HashMap<>();
        fresh.forEach(entry -> byId.put(entry.id(), entry));
        return all.stream().map(entry -> byId.getOrDefault(entry.id(), entry)).toList();
    }

    /**
     * Brings the published static index ({@code /search/}) up to date with the pages of
     * {@code outcome}, a rebuild's ({@link #rebuildPages}, which leaves it as it was), from the
     * search index that rebuild updated: see {@link StaticIndexWriter#refresh}. Without the
     * entries ({@code serve --watch} began on a site that was up to date), they are read from
     * the published pages first. Returns {@code outcome} with its entries and the static index
     * current. The caller makes sure no full build publishes meanwhile.
     */
    public Outcome refreshStaticIndex(Outcome outcome) throws IOException {
        return refreshStaticIndex(outcome, () -> false);
    }

    /**
     * As {@link #refreshStaticIndex(Outcome)}, and stops as soon as {@code stop} says so (a
     * CancellationException; the published static index is then as it was).
     */
    public Outcome refreshStaticIndex(Outcome outcome, java.util.function.BooleanSupplier stop) throws IOException {
        if (outcome.staticIndexCurrent() && outcome.entries().isPresent()) {
            return outcome;
        }
        SiteModel site = outcome.site();
        List<IndexEntry> entries = outcome.entries().isPresent() ? outcome.entries().get() : entriesOfPublishedPages(site, stop);
        Messages messages = Messages.load(layout.templatesDir(), site.settings().lang());
        new StaticIndexWriter().refresh(entries, layout.indexDir(), SynonymTable.withGlossary(site.glossary().expansions()),
                facetLabels(site, messages), layout.siteDir().resolve(StaticIndexWriter.DIR), stop);
        return new Outcome(outcome.site(), outcome.pages(), outcome.indexed(), outcome.time(), outcome.published(),
                outcome.warnings(), outcome.phases(), outcome.files(), outcome.upToDate(), outcome.reads(),
                Optional.of(entries), true);
    }

    /** Every item's index entry, read from its published page (on every core). */
    private List<IndexEntry> entriesOfPublishedPages(SiteModel site, java.util.function.BooleanSupplier stop)
            throws IOException {
        IndexEntries reader = new IndexEntries(site, layout.siteDir());
        try {
            return site.items().parallelStream().map(item -> {
                if (stop.getAsBoolean()) {
                    throw new java.util.concurrent.CancellationException("stopped");
                }
                try {
                    return reader.entry(item, org.jsoup.Jsoup.parse(Files.readString(pageOf(item), StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Runs every stage and check, then discards the output: what {@code rusplan check} does. */
    public Outcome check() throws ContentProblemsException, BakeException, IOException {
        return run(false);
    }

    /** The content read and validated: what the server needs to answer filter forms. */
    public SiteModel readModel() throws ContentProblemsException {
        return readContent().site();
    }

    private record Content(List<ContentFile> files, SiteModel site) {
    }

    private Content readContent() throws ContentProblemsException {
        List<Problem> problems = new ArrayList<>();
        List<ContentFile> files = new ContentReader(layout.contentDir()).readAll(problems);
        return new Content(files, new ModelBuilder(layout.settings()).build(files, problems));
    }

    private Outcome run(boolean publish) throws ContentProblemsException, BakeException, IOException {
        long start = System.nanoTime();
        PhaseTimes times = new PhaseTimes();
        // the stamp is taken before anything is read: a file changed during the build makes the
        // next build's stamp differ, never the other way round
        String stamp = BuildStamp.of(layout, today, liveReload);
        boolean upToDate = publish && stamp.equals(BuildStamp.published(layout.indexDir()))
                && Files.isRegularFile(layout.siteDir().resolve("index.html"));
        if (!upToDate) {
            // JRuby starts while the content is read, if a body will probably be converted
            ConvertedBodies.prepare(bodiesDir(), layout.contentDir(), layout.indexDir().resolve(BuildStamp.FILE));
        }
        Content content = readContent();
        times.end("read");
        if (upToDate) {
            return new Outcome(content.site(), 0, 0, Duration.ofNanos(System.nanoTime() - start), true,
                    StalenessCheck.warnings(content.site(), today), times, content.files(), true, Optional.empty(),
                    Optional.empty(), true);
        }
        List<ContentFile> files = content.files();
        SiteModel site = content.site();
        SiteSettings settings = site.settings();
        Messages messages = Messages.load(layout.templatesDir(), settings.lang());

        try (StagedDirectory siteStage = StagedDirectory.beside(layout.siteDir());
             StagedDirectory indexStage = StagedDirectory.beside(layout.indexDir())) {
            SiteView view = SiteView.baked(site, messages, today).withLiveReload(liveReload);
            AsciidocConverter converter = new AsciidocConverter(asciidocAttributes(messages, settings));
            List<Problem> bodyProblems = java.util.Collections.synchronizedList(new ArrayList<>());
            Optional<ModelReads> reads = keepReads ? Optional.of(new ModelReads(today)) : Optional.empty();
            // Bodies are converted while JBake crawls the headers and renders: a page is rendered
            // as soon as its body is ready (cached ones at once), so JRuby's start-up, which
            // keeps one core busy for seconds, and the one-thread crawl overlap the rest.
            ConvertedBodies bodies = ConvertedBodies.start(files, ConvertedBodies.Scope.WHOLE_SITE, converter, site.glossary(),
                    bodiesDir(), bodyProblems, progress.counter("Converting", files.size()));
            int pages;
            try {
                pages = new SiteBaker(layout.projectDir()).bake(files, view, siteStage.path(), bodies, reads);
            } catch (BakeException e) {
                bodies.awaitAll(); // a conversion failure explains a failed bake best
                throwIfAny(bodyProblems);
                throw e;
            }
            bodies.awaitAll();
            progress.done();
            throwIfAny(bodyProblems);
            times.alongside("convert", bodies.time());
            new StaticSearchPage(layout.templatesDir()).write(view, siteStage.path());
            times.end("bake");

            // Every page is parsed once: its links are checked, then its index entry is read.
            IndexEntries reader = new IndexEntries(site, siteStage.path());
            Map<Path, Item> itemByPage = new HashMap<>();
            site.items().forEach(item -> itemByPage.put(reader.pageOf(item), item));
            Map<Item, IndexEntry> entryOf = new java.util.concurrent.ConcurrentHashMap<>();
            List<Problem> linkProblems = new LinkChecker(siteStage.path(), sourcesByUrl(site)).check((page, html) -> {
                Item item = itemByPage.get(page);
                if (item != null) {
                    entryOf.put(item, reader.entry(item, html));
                }
            });
            if (!linkProblems.isEmpty()) {
                throw new ContentProblemsException(linkProblems);
            }
            List<IndexEntry> entries = site.items().stream().map(item -> java.util.Objects.requireNonNull(entryOf.get(item),
                    () -> "no baked page for " + item.location().url())).toList();
            times.end("links");
            Map<String, Map<String, String>> labels = facetLabels(site, messages);
            SynonymTable synonyms = SynonymTable.withGlossary(site.glossary().expansions());
            int indexed = new SearchIndexer().write(entries, labels, synonyms, indexStage.path());
            times.end("index");
            new StaticIndexWriter().write(entries, indexStage.path(), synonyms, labels,
                    siteStage.path().resolve(StaticIndexWriter.DIR));
            times.end("static index");
            if (publish) {
                BuildStamp.write(indexStage.path(), stamp);
                siteStage.publish();
                indexStage.publish();
            }
            times.end("publish");
            return new Outcome(site, pages, indexed, Duration.ofNanos(System.nanoTime() - start), publish,
                    StalenessCheck.warnings(site, today), times, files, false, reads, Optional.of(entries), true);
        }
    }

    /** Where converted bodies are cached between builds. */
    private Path bodiesDir() {
        return layout.cacheDir().resolve("bodies");
    }

    private static void throwIfAny(List<Problem> problems) throws ContentProblemsException {
        if (!problems.isEmpty()) {
            throw new ContentProblemsException(List.copyOf(problems));
        }
    }

    private static Map<String, Object> asciidocAttributes(Messages messages, SiteSettings settings) {
        Map<String, Object> attributes = new HashMap<>();
        messages.asMap().forEach((key, value) -> {
            if (key.startsWith("asciidoc.")) {
                attributes.put(key.substring("asciidoc.".length()), value);
            }
        });
        attributes.put("lang", settings.lang());
        attributes.put("idprefix", "");
        attributes.put("idseparator", "-");
        return attributes;
    }

    private static Map<String, Path> sourcesByUrl(SiteModel site) {
        Map<String, Path> sources = new HashMap<>();
        for (Item item : site.items()) {
            sources.put(item.location().url(), item.location().file());
        }
        return sources;
    }

    private static Map<String, Map<String, String>> facetLabels(SiteModel site, Messages messages) {
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (ContentType type : ContentType.values()) {
            types.put(type.code(), messages.get(type.labelKey()));
        }
        Map<String, String> municipalities = new LinkedHashMap<>();
        for (Municipality m : site.municipalities()) {
            municipalities.put(m.id(), m.name());
        }
        Map<String, String> audiences = new LinkedHashMap<>();
        for (Audience audience : Audience.values()) {
            audiences.put(audience.code(), messages.get(audience.labelKey()));
        }
        labels.put(IndexFields.TYPE, types);
        labels.put(IndexFields.MUNICIPALITY, municipalities);
        labels.put(IndexFields.AUDIENCE, audiences);
        return labels;
    }
}
