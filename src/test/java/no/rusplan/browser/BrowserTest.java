package no.rusplan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.rusplan.ExampleSite;
import no.rusplan.HeadlessChromium;
import no.rusplan.TestProject;
import no.rusplan.model.SiteModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example site in a real browser: Debian's chromium driven by Playwright, offline. Every
 * page type must pass axe-core's WCAG 2.1 A/AA rules and load nothing from another origin; a
 * person must be able to filter the help directory by mouse, by keyboard only, and with
 * JavaScript off. Skips (with a message) on a machine without chromium, but fails in CI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {
    private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private HeadlessChromium chromium;
    private Browser browser;
    private String origin;
    private SiteModel site;

    static Stream<String> pageTypes() {
        return Stream.of("/", "/municipalities/grong/", "/hjelp/", "/hjelp/for/parorende/", "/hjelp/?kommune=grong&for=relatives",
                "/services/nks-veiledningssenter-for-parorende/", "/forebygging/", "/programs/mot/", "/planer/",
                "/plans/overhalla-2011-2015/", "/plans/overhalla-2011-2015/rusmiddelsituasjonen-i-overhalla/",
                "/plans/overhalla-2011-2015/handlingsplan/", "/plans/overhalla-2011-2015/tiltak/premis/",
                "/plans/overhalla-2011-2015/tiltak/", "/plans/nes-2019-2023/tiltak/",
                "/plans/levanger-2010-2013/eksisterende-aktivitet-og-nye-tiltak/", "/plans/nes-2019-2023/beskrivelse-og-vurdering-av-rusmiddelsituasjonen/",
                "/sok?q=p%C3%A5r%C3%B8rende", "/sok?q=finnesikke", "/ordliste/", "/glossary/arp/", "/kommuner/",
                "/tilgjengelighet/", "/finnes/ikke/");
    }

    @BeforeAll
    void launch() throws Exception {
        chromium = HeadlessChromium.forTests();
        browser = chromium.browser();
        ExampleSite example = ExampleSite.get();
        site = example.site();
        origin = example.uri().toString().replaceAll("/$", "");
    }

    @AfterAll
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private Page open(BrowserContext context, String path, List<String> requests) {
        Page page = context.newPage();
        page.onRequest(request -> requests.add(request.url()));
        page.navigate(origin + path);
        return page;
    }

    @ParameterizedTest
    @MethodSource("pageTypes")
    void everyPageTypeMeetsWcagAndLoadsOnlyFromTheSite(String path) {
        try (BrowserContext context = browser.newContext()) {
            List<String> requests = new ArrayList<>();
            Page page = open(context, path, requests);
            page.waitForLoadState();
            AxeResults results = new AxeBuilder(page).withTags(WCAG_TAGS).analyze();
            List<Rule> violations = results.getViolations();
            assertTrue(violations.isEmpty(), path + " has WCAG violations: " + violations.stream()
                    .map(v -> v.getId() + " (" + v.getNodes().size() + "): " + v.getNodes().get(0).getHtml())
                    .collect(Collectors.joining("; ")));
            List<String> foreign = requests.stream().filter(url -> !url.startsWith(origin + "/")).toList();
            assertTrue(foreign.isEmpty(), path + " made requests to other origins: " + foreign);
            assertTrue(requests.size() >= 3, "the page, its CSS and the design system were requested: " + requests);
            assertEquals("nb", page.getAttribute("html", "lang"));
        }
    }

    /** Waits (Playwright's auto-retrying assertion, no sleeps) until exactly {@code n} entries show. */
    private static void assertVisibleCards(long n, Page page) {
        assertThat(page.locator("[data-filter-list] > li:visible")).hasCount((int) n);
    }

    private long expectedHelp(Map<String, String> selection) {
        return site.helpDirectory().apply(selection).shownCount();
    }

    @Test
    void filterHelpByMunicipalityAndAudienceWithTheMouse() {
        try (BrowserContext context = browser.newContext()) {
            Page page = open(context, "/hjelp/", new ArrayList<>());
            assertVisibleCards(site.services().size(), page);
            page.selectOption("#filter-kommune", "grong");
            page.selectOption("#filter-for", "relatives");
            long expected = expectedHelp(Map.of("kommune", "grong", "for", "relatives"));
            assertTrue(expected > 0 && expected < site.services().size());
            assertVisibleCards(expected, page);
            page.waitForURL("**/hjelp/?kommune=grong&for=relatives");
            assertThat(page.locator("[data-filter-status]")).hasText("Viser " + expected + " av " + site.services().size());
            // Counts follow the other filters (drill sideways).
            assertThat(page.locator("#filter-kommune option[value=grong]")).hasText("Grong (" + expected + ")");

            page.reload();
            assertVisibleCards(expected, page);
        }
    }

    @Test
    void aPageWithAFixedFilterFiltersWhatItHoldsAndLeadsToTheWholeDirectory() {
        try (BrowserContext context = browser.newContext()) {
            Page page = open(context, "/hjelp/for/parorende/", new ArrayList<>());
            long relatives = expectedHelp(Map.of("for", "relatives"));
            assertVisibleCards(relatives, page);
            assertEquals(relatives, page.locator("[data-filter-list] > li").count(), "the page holds relatives' services only");
            page.selectOption("#filter-kommune", "grong");
            long expected = expectedHelp(Map.of("kommune", "grong", "for", "relatives"));
            assertTrue(expected > 0 && expected < relatives);
            assertVisibleCards(expected, page);
            page.waitForURL("**/hjelp/for/parorende/?kommune=grong");
            assertThat(page.locator("[data-filter-status]")).hasText("Viser " + expected + " av " + relatives);
            assertThat(page.locator("a[data-filter-wider]")).hasAttribute("href", "/hjelp/?for=relatives&kommune=grong");
            page.click("a[data-filter-wider]");
            page.waitForURL("**/hjelp/?for=relatives&kommune=grong");
            assertVisibleCards(expected, page);
            assertThat(page.locator("#filter-for")).hasValue("relatives");
        }
    }

    @Test
    void filterHelpWithTheKeyboardOnly() {
        try (BrowserContext context = browser.newContext()) {
            Page page = open(context, "/hjelp/", new ArrayList<>());
            tabTo(page, "filter-kommune");
            page.keyboard().type("Grong");
            tabTo(page, "filter-for");
            // Type-ahead with plain keys ("å" would be inserted as text by the driver, not typed).
            page.keyboard().type("P");
            long expected = expectedHelp(Map.of("kommune", "grong", "for", "relatives"));
            assertThat(page.locator("#filter-kommune")).hasValue("grong");
            assertThat(page.locator("#filter-for")).hasValue("relatives");
            assertVisibleCards(expected, page);
            tabTo(page, null);
            page.keyboard().press("Enter");
            assertVisibleCards(expected, page);
            assertTrue(page.url().contains("/hjelp/"), "the filter form stays on the page: " + page.url());
        }
    }

    @Test
    void filterHelpWithJavaScriptOff() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            Page page = open(context, "/hjelp/", new ArrayList<>());
            assertVisibleCards(site.services().size(), page);
            page.selectOption("#filter-kommune", "grong");
            page.selectOption("#filter-for", "relatives");
            page.click("form[data-filter-form] button[type=submit]");
            page.waitForURL("**/hjelp/?**");
            assertVisibleCards(expectedHelp(Map.of("kommune", "grong", "for", "relatives")), page);
            assertEquals("grong", page.inputValue("#filter-kommune"));

            Page keyboard = open(context, "/hjelp/", new ArrayList<>());
            tabTo(keyboard, "filter-for");
            keyboard.keyboard().type("Barn");
            tabTo(keyboard, null);
            keyboard.keyboard().press("Enter");
            keyboard.waitForURL("**/hjelp/?**");
            assertVisibleCards(expectedHelp(Map.of("for", "children-youth")), keyboard);

            Page search = open(context, "/", new ArrayList<>());
            search.fill("#site-search-q", "pårørende");
            search.press("#site-search-q", "Enter");
            search.waitForURL("**/sok/?q=*");
            assertTrue(search.locator("ol.results a[href='/services/nks-veiledningssenter-for-parorende/']").count() == 1);
        }
    }

    @Test
    void measureTableSortsAndFilters() {
        try (BrowserContext context = browser.newContext()) {
            Page page = open(context, "/plans/nes-2019-2023/tiltak/", new ArrayList<>());
            page.click("table[data-sortable] th:nth-child(1) button");
            page.click("table[data-sortable] th:nth-child(1) button");
            assertThat(page.locator("table[data-sortable] th:nth-child(1)")).hasAttribute("aria-sort", "descending");
            assertThat(page.locator("table[data-sortable] tbody tr").first().locator("td").first()).hasText("4.5");
            page.fill("#measure-filter", "pårørende");
            assertThat(page.locator("table[data-sortable] tbody tr:visible")).hasCount(
                    (int) site.measuresOf("nes-2019-2023").stream().filter(m -> (m.title() + " " + String.join(" ", m.responsible())
                            + m.goal()).toLowerCase().contains("pårørende")).count());
        }
    }

    @Test
    void pagesFitA320PixelScreen() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(320, 640))) {
            for (String path : List.of("/", "/hjelp/", "/services/familieambulatoriet/", "/plans/overhalla-2011-2015/handlingsplan/",
                    "/plans/levanger-2010-2013/eksisterende-aktivitet-og-nye-tiltak/", "/plans/indre-namdal-2018-2021/tiltak/",
                    "/forebygging/", "/sok?q=rus")) {
                Page page = open(context, path, new ArrayList<>());
                Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertEquals(0, ((Number) overflow).intValue(), path + " scrolls sideways at 320 px");
            }
        }
    }

    @Test
    void screenshotOfTheHelpPage() throws Exception {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1100, 900))) {
            Page page = open(context, "/hjelp/?kommune=grong&for=relatives", new ArrayList<>());
            Path shot = TestProject.REPO.resolve("target/screenshots/hjelp.png");
            Files.createDirectories(shot.getParent());
            page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(false));
            assertTrue(Files.size(shot) > 10_000);
        }
    }

    /** Presses Tab until the element with this id has focus (or, for null, a submit button). */
    private static void tabTo(Page page, String id) {
        for (int i = 0; i < 80; i++) {
            page.keyboard().press("Tab");
            Object focused = page.evaluate("() => { const e = document.activeElement; return e.id || (e.type === 'submit' ? 'submit' : e.tagName); }");
            if ((id == null && "submit".equals(focused)) || (id != null && id.equals(focused))) {
                return;
            }
        }
        fail("could not reach " + (id == null ? "a submit button" : "#" + id) + " with Tab");
    }
}
