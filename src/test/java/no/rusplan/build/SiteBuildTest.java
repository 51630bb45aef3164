package no.rusplan.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.rusplan.TestProject;
import no.rusplan.content.ContentProblemsException;
import no.rusplan.search.SearchRequest;
import no.rusplan.search.SearchResult;
import no.rusplan.search.SearchService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Builds the small fixture site once and checks the pages, the index and what bad input does. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteBuildTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private Path temp;
    private TestProject project;
    private SiteBuild.Outcome outcome;

    @BeforeAll
    void buildFixture(@TempDir Path dir) throws Exception {
        temp = dir;
        project = TestProject.fixture(temp.resolve("built"));
        outcome = new SiteBuild(project.layout(), TODAY).build();
    }

    private static SearchResult search(Path index, String query) throws Exception {
        try (SearchService search = SearchService.open(index)) {
            return search.search(SearchRequest.parse(Map.of("q", List.of(query))));
        }
    }

    @Test
    void theSameContentElsewhereBuildsTheSameSite() throws Exception {
        TestProject elsewhere = TestProject.fixture(temp.resolve("somewhere").resolve("else"));
        new SiteBuild(elsewhere.layout(), TODAY).build();
        Path here = project.layout().siteDir();
        Path there = elsewhere.layout().siteDir();
        assertEquals(siteText(here), siteText(there));
        assertEquals(fileNames(here.resolve("search")), fileNames(there.resolve("search")),
                "the static index's files, named by their content");
    }

    private static List<String> fileNames(Path dir) throws java.io.IOException {
        try (var files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void bakesEveryContentFileWithItsTemplate() {
        assertEquals(16, outcome.pages());
        Document service = Jsoup.parse(project.page("services/hjelpesenteret/"));
        assertEquals("Hjelpesenteret for pårørende", service.selectFirst("main h1").text());
        assertEquals("nb", service.selectFirst("html").attr("lang"));
        assertEquals("tel:12345678", service.selectFirst("a[href^=tel:12]").attr("href"));
        assertEquals("mailto:hjelp@example.org", service.selectFirst("a[href^=mailto:]").attr("href"));
        assertTrue(service.text().contains("Du trenger ikke henvisning."), "referral in words");
        assertTrue(service.text().contains("Opplysningene er hentet fra en plan fra 2020 og kan være utdatert"),
                "entries verified more than 24 months ago say so");
        assertEquals("/municipalities/testby/", service.selectFirst("a[href=/municipalities/testby/]").attr("href"));
        assertTrue(service.selectFirst("a[href=/plans/testplan/tiltak/foreldremote/]") != null,
                "a service lists the measures that concern it");
    }

    @Test
    void asciidocBodiesAreConvertedByAsciidoctorJ() {
        Document chapter = Jsoup.parse(project.page("plans/testplan/innledning/"));
        assertEquals("Ungdom", chapter.selectFirst("table.tableblock tbody td").text());
        assertEquals("/plans/testplan/handlingsdel/", chapter.selectFirst("a[rel=next]").attr("href"));
    }

    @Test
    void measuresAreRenderedInTheirChapterAndOnTheirOwnPage() {
        Document chapter = Jsoup.parse(project.page("plans/testplan/handlingsdel/"));
        assertEquals("Foreldremøte om alkohol", chapter.selectFirst("table.measures tbody th a").text());
        assertEquals("foreldremote", chapter.selectFirst("table.measures tbody tr").id());
        Document measure = Jsoup.parse(project.page("plans/testplan/tiltak/foreldremote/"));
        assertTrue(measure.text().contains("Oppvekst, Helse"));
        assertTrue(measure.text().contains("Universell forebygging"));
        assertEquals("Testprogrammet", measure.selectFirst("a[href=/programs/testprogram/]").text());
    }

    @Test
    void sitemapAndNotFoundPageAreBaked() {
        String sitemap = project.page("sitemap.xml");
        assertTrue(sitemap.contains("<loc>/services/hjelpesenteret/</loc>"), sitemap);
        assertTrue(project.page("404.html").contains("Fant ikke siden"));
        assertTrue(Files.isRegularFile(project.layout().siteDir().resolve("css/site.css")), "assets are copied");
    }

    @Test
    void indexFindsPagesWithTypeAndMunicipalities() throws Exception {
        SearchResult result = search(project.layout().indexDir(), "pårørende");
        assertEquals("/services/hjelpesenteret/", result.hits().get(0).url());
        assertEquals("service", result.hits().get(0).type());
        assertEquals(List.of("Testby"), result.hits().get(0).municipalities());
        assertTrue(result.hits().get(0).snippet().contains("<mark>pårørende</mark>"), result.hits().get(0).snippet());
        assertEquals("TSB", search(project.layout().indexDir(), "tsb").hits().get(0).title());
    }

    @Test
    void thePageIndexHoldsEveryPageOnceInTheModelsOrderInOneSegment() throws Exception {
        // pages are indexed by several writers side by side; ties between equal scores are broken
        // by document order, so that order must be the model's, as one writer would give it
        try (var directory = org.apache.lucene.store.FSDirectory.open(project.layout().indexDir());
             var reader = org.apache.lucene.index.DirectoryReader.open(directory)) {
            assertEquals(1, reader.leaves().size());
            List<String> urls = new java.util.ArrayList<>();
            var stored = reader.storedFields();
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                urls.add(stored.document(doc).get(no.rusplan.index.IndexFields.URL));
            }
            List<String> model = outcome.site().items().stream().map(item -> item.location().url()).toList();
            assertTrue(model.size() > 4, model.toString());
            assertEquals(model, urls);
        }
    }

    @Test
    void aServiceWithoutMunicipalitiesFailsAndLeavesThePublishedSiteAlone() throws Exception {
        String siteBefore = TestProject.fingerprint(project.layout().siteDir());
        String indexBefore = TestProject.fingerprint(project.layout().indexDir());
        String service = TestProject.fixtureText("content/services/hjelpesenteret.adoc");
        project.write("content/services/hjelpesenteret.adoc", service.replace(":municipalities: testby\n", ""));
        try {
            ContentProblemsException e = assertThrows(ContentProblemsException.class,
                    () -> new SiteBuild(project.layout(), TODAY).build());
            assertEquals(project.file("content/services/hjelpesenteret.adoc"), e.problems().get(0).file());
            assertEquals(1, e.problems().get(0).line());
            assertEquals(siteBefore, TestProject.fingerprint(project.layout().siteDir()));
            assertEquals(indexBefore, TestProject.fingerprint(project.layout().indexDir()));
            assertNoStagingLeftIn(project.layout().siteDir().getParent());
        } finally {
            project.write("content/services/hjelpesenteret.adoc", service);
        }
    }

    @Test
    void brokenAsciidocIsReportedAtItsLine() {
        TestProject broken = TestProject.fixture(temp.resolve("asciidoc"));
        broken.write("content/om.adoc", "= Om\n:jbake-type: page\n\nTekst.\n\n----\nen kodeblokk som aldri lukkes\n");
        ContentProblemsException e = assertThrows(ContentProblemsException.class,
                () -> new SiteBuild(broken.layout(), TODAY).build());
        assertEquals(broken.file("content/om.adoc"), e.problems().get(0).file());
        assertEquals(6, e.problems().get(0).line(), e.getMessage());
        assertTrue(e.problems().get(0).message().contains("unterminated listing block"), e.getMessage());
        assertFalse(Files.exists(broken.layout().siteDir()), "nothing is published");
        assertFalse(Files.exists(broken.layout().indexDir()), "no index is published");
    }

    @Test
    void deadInternalLinkIsReportedAtItsLine() {
        TestProject broken = TestProject.fixture(temp.resolve("links"));
        broken.write("content/om.adoc", "= Om\n:jbake-type: page\n\nSe link:/services/finnes-ikke/[denne].\n");
        ContentProblemsException e = assertThrows(ContentProblemsException.class,
                () -> new SiteBuild(broken.layout(), TODAY).check());
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals(broken.file("content/om.adoc") + ":4: dead internal link '/services/finnes-ikke/'",
                e.problems().get(0).toString());
    }

    @Test
    void pagesMayNotLoadAnythingFromOtherSites() {
        TestProject tracked = TestProject.fixture(temp.resolve("tracker"));
        tracked.write("content/om.adoc", "= Om\n:jbake-type: page\n\nimage::https://tracker.example/pixel.gif[]\n");
        ContentProblemsException e = assertThrows(ContentProblemsException.class,
                () -> new SiteBuild(tracked.layout(), TODAY).check());
        assertTrue(e.problems().get(0).message().startsWith("loads 'https://tracker.example/pixel.gif' from another site"),
                e.getMessage());
    }

    @Test
    void checkBuildsEverythingButPublishesNothing() throws Exception {
        TestProject checked = TestProject.fixture(temp.resolve("check"));
        SiteBuild.Outcome result = new SiteBuild(checked.layout(), TODAY).check();
        assertEquals(16, result.indexed());
        assertFalse(Files.exists(checked.layout().siteDir()));
        assertNoStagingLeftIn(checked.layout().siteDir().getParent());
    }

    @Test
    void includePartialsAreNotPages() throws Exception {
        TestProject partials = TestProject.fixture(temp.resolve("partials"));
        partials.write("content/_felles.adoc", "Felles tekst fra en partial.\n");
        partials.write("content/om.adoc", "= Om\n:jbake-type: page\n\ninclude::_felles.adoc[]\n");
        new SiteBuild(partials.layout(), TODAY).build();
        assertTrue(partials.page("om/").contains("Felles tekst fra en partial."));
        assertFalse(Files.exists(partials.layout().siteDir().resolve("_felles")));
    }

    private static void assertNoStagingLeftIn(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            List<String> leftovers = files.map(p -> p.getFileName().toString()).filter(n -> n.contains(".staging-")).toList();
            assertTrue(leftovers.isEmpty(), leftovers.toString());
        }
    }

    @Test
    void aChangedBodyIsRebuiltAloneExactlyAsAFullBuildWouldBakeIt() throws Exception {
        Fixture fixture = builtFixture("pages");
        TestProject own = fixture.project();
        SiteBuild build = fixture.build();
        SiteBuild.Outcome first = fixture.first();
        Path file = own.file("content/services/hjelpesenteret.adoc");
        Files.writeString(file, Files.readString(file) + "\nNytt avsnitt om kveldsåpent kontor.\n");
        SiteBuild.Outcome pages = build.rebuildPages(first, java.util.Set.of(file)).orElseThrow();
        assertEquals(1, pages.pages());
        Path page = own.layout().siteDir().resolve("services/hjelpesenteret/index.html");
        String fast = Files.readString(page);
        assertTrue(fast.contains("kveldsåpent"), "the new text is served");
        try (SearchService search = SearchService.open(own.layout().indexDir())) {
            assertEquals("/services/hjelpesenteret/", search.search(SearchRequest.parse(
                    Map.of("q", List.of("kveldsåpent")))).hits().get(0).url(), "and found by search");
        }
        assertFalse(build.build().upToDate(), "after a partial rebuild the next build is a full one");
        assertEquals(Files.readString(page), fast, "a full build bakes the same page");

        Path added = own.file("content/services/ny-tjeneste.adoc");
        Files.writeString(added, Files.readString(file));
        assertTrue(build.rebuildPages(pages, java.util.Set.of(added)).isEmpty(), "a new file needs a full build");
        Files.delete(added);
        Files.writeString(file, Files.readString(file) + "\nSe link:/finnes-ikke/[her].\n");
        ContentProblemsException dead = assertThrows(ContentProblemsException.class,
                () -> build.rebuildPages(pages, java.util.Set.of(file)));
        assertTrue(dead.problems().toString().contains("finnes-ikke"), dead.problems().toString());
        assertTrue(Files.readString(page).contains("kveldsåpent") && !Files.readString(page).contains("finnes-ikke"),
                "a page with a dead link is not written");
    }

    @Test
    void aChangedHeaderRebuildsThePageAndThePagesThatListItExactlyAsAFullBuild() throws Exception {
        Fixture fixture = builtFixture("headers");
        TestProject own = fixture.project();
        SiteBuild build = fixture.build();
        SiteBuild.Outcome first = fixture.first();
        Path file = own.file("content/services/hjelpesenteret.adoc");
        Files.writeString(file, Files.readString(file).replace("= Hjelpesenteret for pårørende", "= Støttesenteret for pårørende"));

        SiteBuild.Outcome rebuilt = build.rebuildPages(first, java.util.Set.of(file)).orElseThrow();
        Path siteDir = own.layout().siteDir();
        Map<String, String> partial = siteText(siteDir);
        List<String> naming = partial.entrySet().stream().filter(e -> e.getValue().contains("Støttesenteret"))
                .map(Map.Entry::getKey).sorted().toList();
        assertTrue(naming.contains("services/hjelpesenteret/index.html") && naming.size() >= 3,
                "the page and the pages that list it: " + naming);
        assertEquals(naming.size(), rebuilt.pages(), "only pages that changed are written: " + naming);
        assertTrue(rebuilt.site().services().stream().anyMatch(s -> s.name().equals("Støttesenteret for pårørende")),
                "the outcome carries the new model (the server answers filter forms from it)");
        try (SearchService search = SearchService.open(own.layout().indexDir())) {
            assertEquals("/services/hjelpesenteret/", search.search(SearchRequest.parse(
                    Map.of("q", List.of("støttesenteret")))).hits().get(0).url(), "the index knows the new name");
        }
        build.build();
        assertEquals(siteText(siteDir), partial, "a full build bakes every page the same");
    }

    @Test
    void withModelReadsAChangedHeaderRendersOnlyThePagesItTouchesExactlyAsAFullBuild() throws Exception {
        TestProject own = TestProject.fixture(temp.resolve("reads"));
        // pages with a fixed filter hold only what it keeps: one holds the service, one does not
        Files.createDirectories(own.file("content/hjelp/for"));
        Files.writeString(own.file("content/hjelp/for/parorende.adoc"),
                "= Hjelp for pårørende\n:jbake-type: directory\n:lists: services\n:filter: for=relatives\n\nFor pårørende.\n");
        Files.writeString(own.file("content/hjelp/for/fagfolk.adoc"),
                "= Hjelp for fagfolk\n:jbake-type: directory\n:lists: services\n:filter: for=professionals\n\nFor fagfolk.\n");
        SiteBuild build = new SiteBuild(own.layout(), TODAY).withModelReads(true);
        SiteBuild.Outcome first = build.build();
        assertTrue(first.reads().isPresent(), "the build kept what its pages read");
        Path siteDir = own.layout().siteDir();
        // a page that reads nothing about services keeps a mark only a rendering would remove
        Path untouched = siteDir.resolve("glossary/tsb/index.html");
        String mark = "<!-- not rendered again -->";
        Files.writeString(untouched, Files.readString(untouched) + mark);
        // and so does the directory for professionals, which does not hold the service
        Path professionals = siteDir.resolve("hjelp/for/fagfolk/index.html");
        Path relatives = siteDir.resolve("hjelp/for/parorende/index.html");
        Files.writeString(professionals, Files.readString(professionals) + mark);
        assertFalse(Files.readString(professionals).contains("Hjelpesenteret for pårørende"));
        assertTrue(Files.readString(relatives).contains("Hjelpesenteret for pårørende"));
        Path testby = siteDir.resolve("municipalities/testby/index.html");
        Path nabobygd = siteDir.resolve("municipalities/nabobygd/index.html");
        assertTrue(Files.readString(testby).contains("Hjelpesenteret for pårørende"));
        assertFalse(Files.readString(nabobygd).contains("Hjelpesenteret for pårørende"));

        // the service moves to the other municipality: a page that did not list it before now must
        Path file = own.file("content/services/hjelpesenteret.adoc");
        Files.writeString(file, Files.readString(file).replace(":municipalities: testby", ":municipalities: nabobygd"));
        SiteBuild.Outcome moved = build.rebuildPages(first, java.util.Set.of(file)).orElseThrow();
        assertTrue(Files.readString(nabobygd).contains("Hjelpesenteret for pårørende"), "the new municipality lists it");
        assertFalse(Files.readString(testby).contains("Hjelpesenteret for pårørende"), "the old one no longer does");
        assertTrue(Files.readString(untouched).endsWith(mark), "a page the change does not touch is not rendered");

        // and from that rebuild's reads, a second change: the name, shown on every page that lists it
        Files.writeString(file, Files.readString(file).replace("= Hjelpesenteret for pårørende", "= Støttesenteret for pårørende"));
        SiteBuild.Outcome renamed = build.rebuildPages(moved, java.util.Set.of(file)).orElseThrow();
        assertTrue(Files.readString(nabobygd).contains("Støttesenteret for pårørende"));
        assertTrue(Files.readString(siteDir.resolve("hjelp/index.html")).contains("Støttesenteret for pårørende"));
        assertTrue(Files.readString(relatives).contains("Støttesenteret for pårørende"), "a directory that holds it");
        assertTrue(Files.readString(untouched).endsWith(mark));
        assertTrue(Files.readString(professionals).endsWith(mark), "a directory that does not hold it is left alone");
        assertTrue(renamed.pages() >= 3, "the page and the pages that list it: " + renamed.pages());
        try (SearchService search = SearchService.open(own.layout().indexDir())) {
            assertEquals("/services/hjelpesenteret/", search.search(SearchRequest.parse(
                    Map.of("q", List.of("støttesenteret")))).hits().get(0).url(), "the index knows the new name");
            assertEquals(List.of("Støttesenteret for pårørende"),
                    search.suggest("støttesenteret").stream().map(s -> s.title()).toList());
            assertEquals(List.of(), search.suggest("hjelpesenteret"), "the replaced page's old name is not suggested");
        }

        // now for professionals too: that directory must list it
        Files.writeString(file, Files.readString(file).replace(":audience: relatives, adults", ":audience: relatives, adults, professionals"));
        renamed = build.rebuildPages(renamed, java.util.Set.of(file)).orElseThrow();
        assertTrue(Files.readString(professionals).contains("Støttesenteret for pårørende"), "the directory now holds it");
        assertTrue(Files.readString(untouched).endsWith(mark));

        Files.writeString(untouched, Files.readString(untouched).replace(mark, ""));
        Map<String, String> partial = siteText(siteDir);
        build.build();
        assertEquals(siteText(siteDir), partial, "a full build bakes every page the same");
        assertTrue(new SiteBuild(own.layout(), TODAY.plusDays(1)).withModelReads(true)
                .rebuildPages(renamed, java.util.Set.of(file)).isPresent(), "another day: every page is rendered");
    }

    @Test
    void aChangedTemplateOrAssetRebuildsWhatItTouchesExactlyAsAFullBuild() throws Exception {
        Fixture fixture = builtFixture("templates");
        TestProject own = fixture.project();
        SiteBuild build = fixture.build();
        SiteBuild.Outcome first = fixture.first();
        Path siteDir = own.layout().siteDir();
        Map<String, String> before = siteText(siteDir);
        Path template = own.file("templates/service.ftlh");
        Files.writeString(template, Files.readString(template).replaceFirst("<h1", "<p class=\"kicker\">Hjelpetilbud</p><h1"));
        Path css = own.file("assets/css/site.css");
        Files.writeString(css, Files.readString(css) + "\n.kicker { font-weight: bold; }\n");

        SiteBuild.Outcome rebuilt = build.rebuildPages(first, java.util.Set.of(template, css)).orElseThrow();
        Map<String, String> partial = siteText(siteDir);
        List<String> changed = partial.keySet().stream().filter(k -> !partial.get(k).equals(before.get(k))).sorted().toList();
        assertTrue(changed.contains("css/site.css"), changed.toString());
        assertTrue(changed.stream().filter(k -> !k.equals("css/site.css")).allMatch(k -> k.startsWith("services/")),
                "only service pages use the template: " + changed);
        assertEquals(changed.size() - 1, rebuilt.pages(), changed.toString());
        assertTrue(rebuilt.pages() > 0);
        build.build();
        assertEquals(siteText(siteDir), partial, "a full build bakes the same site");

        Files.writeString(css, Files.readString(css) + "\n@import url(https://fonts.example.com/x.css);\n");
        ContentProblemsException external = assertThrows(ContentProblemsException.class,
                () -> build.rebuildPages(rebuilt, java.util.Set.of(css)));
        assertTrue(external.problems().toString().contains("from another site"), external.problems().toString());
        assertFalse(Files.readString(siteDir.resolve("css/site.css")).contains("fonts.example.com"),
                "a stylesheet that loads from elsewhere is not copied");
    }

    @Test
    void aBuildOfUnchangedInputsLeavesThePublishedSiteAsItIs() throws Exception {
        Fixture fixture = builtFixture("stamp");
        ProjectLayout layout = fixture.project().layout();
        String site = TestProject.fingerprint(layout.siteDir());
        String index = TestProject.fingerprint(layout.indexDir());
        SiteBuild.Outcome again = fixture.build().build();
        assertTrue(again.upToDate());
        assertEquals(site, TestProject.fingerprint(layout.siteDir()), "not a file of the site rewritten");
        assertEquals(index, TestProject.fingerprint(layout.indexDir()));
        assertEquals(fixture.first().files().size(), again.files().size(), "the model is read all the same");

        Path template = fixture.project().file("templates/page.ftlh");
        Files.writeString(template, Files.readString(template) + "\n");
        assertFalse(fixture.build().build().upToDate(), "a template changed");
        assertFalse(new SiteBuild(layout, TODAY.plusDays(1)).build().upToDate(), "another day: ages on pages change");
        assertFalse(new SiteBuild(layout, TODAY.plusDays(1)).withLiveReload(true).build().upToDate());
        assertTrue(new SiteBuild(layout, TODAY.plusDays(1)).withLiveReload(true).build().upToDate());
    }

    /** A fixture project of its own, built once: for tests that rebuild parts of it. */
    private record Fixture(TestProject project, SiteBuild build, SiteBuild.Outcome first) {
    }

    private Fixture builtFixture(String name) throws Exception {
        TestProject project = TestProject.fixture(temp.resolve(name));
        SiteBuild build = new SiteBuild(project.layout(), TODAY);
        return new Fixture(project, build, build.build());
    }

    /** Every file of a baked site but the static search index's, by path, as text. */
    private static Map<String, String> siteText(Path siteDir) throws java.io.IOException {
        Map<String, String> text = new java.util.TreeMap<>();
        try (var walk = Files.walk(siteDir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String relative = siteDir.relativize(p).toString().replace('\\', '/');
                if (!relative.startsWith("search/")) {
                    text.put(relative, new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return text;
    }
}
