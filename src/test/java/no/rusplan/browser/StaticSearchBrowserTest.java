package no.rusplan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import no.rusplan.ExampleSite;
import no.rusplan.HeadlessChromium;
import no.rusplan.StaticFileServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The example site copied to an ordinary static host (a plain file server: no /api, no /sok
 * handler) and searched in a real browser: the baked /sok/ page finds pages through the static
 * index, with the same Norwegian understanding as the server; and a shared filter link that
 * only the whole directory can answer is sent there by the page's script.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaticSearchBrowserTest {
    private StaticFileServer host;
    private HeadlessChromium chromium;
    private Browser browser;
    private String origin;

    @BeforeAll
    void launch() throws Exception {
        chromium = HeadlessChromium.forTests();
        browser = chromium.browser();
        host = new StaticFileServer(ExampleSite.get().siteDir());
        origin = host.uri().toString().replaceAll("/$", "");
    }

    @AfterAll
    void close() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (host != null) {
            host.close();
        }
    }

    private Page search(BrowserContext context, String query, List<String> requests) {
        Page page = context.newPage();
        page.onRequest(request -> requests.add(request.url()));
        page.navigate(origin + "/sok/?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertThat(page.locator("[data-search-output] [role=status]")).isVisible();
        return page;
    }

    private static List<String> top3(Page page) {
        List<String> urls = resultUrls(page);
        return urls.subList(0, Math.min(3, urls.size()));
    }

    private static List<String> resultUrls(Page page) {
        return page.locator("ol.results > li > h2 > a").all().stream().map(a -> a.getAttribute("href")).toList();
    }

    @Test
    void findsPagesWithoutAServerIncludingSplitCompoundsAndTypos() {
        try (BrowserContext context = browser.newContext()) {
            List<String> requests = new ArrayList<>();
            Page compound = search(context, "pårørende senter notodden", requests);
            assertTrue(top3(compound).contains("/services/parorendesenter-notodden/"), resultUrls(compound).toString());
            Page joined = search(context, "familievern kontor", requests);
            assertEquals("/services/familievernkontoret/", resultUrls(joined).get(0));
            Page typo = search(context, "famileambulatoriet", requests);
            assertEquals("/services/familieambulatoriet/", resultUrls(typo).get(0));
            assertThat(typo.locator(".suggestion a")).hasText("familieambulatoriet");
            Page synonym = search(context, "legemiddelassistert rehabilitering", requests);
            assertTrue(top3(synonym).contains("/services/lar-notodden/"), resultUrls(synonym).toString());
            Locator mark = compound.locator("ol.results mark").first();
            assertThat(mark).isVisible();
            assertTrue(requests.stream().allMatch(url -> url.startsWith(origin)), "nothing loaded from elsewhere: " + requests);
            assertTrue(requests.stream().filter(url -> url.contains("/search/") && !url.endsWith("manifest.json"))
                    .allMatch(url -> url.matches(".*-[0-9a-f]{10}\\.(json\\.gz|bin)")), "data files are content-hashed: " + requests);
        }
    }

    /** The texts requests of one search of "pårørende" on {@code site}: status and Range header of each. */
    private List<String> textRequests(String site, List<String> snippets) {
        List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.onResponse(response -> {
                if (response.url().contains("/search/texts-")) {
                    seen.add(response.status() + " " + response.request().headers().getOrDefault("range", "-"));
                }
            });
            page.navigate(site + "/sok/?q=" + URLEncoder.encode("pårørende", StandardCharsets.UTF_8));
            assertThat(page.locator("ol.results > li").first()).isVisible();
            page.locator("ol.results > li > p:not(.meta)").all().forEach(p -> snippets.add(p.innerHTML()));
        }
        return seen;
    }

    @Test
    void snippetTextsAreFetchedByteRangeByByteRangeOnlyForHitsShown() {
        List<String> snippets = new ArrayList<>();
        List<String> texts = textRequests(origin, snippets);
        assertEquals(10, snippets.size(), snippets.toString());
        assertTrue(snippets.stream().allMatch(s -> s.contains("<mark>")), snippets.toString());
        assertEquals(10, texts.size(), "one range per hit shown: " + texts);
        assertTrue(texts.stream().allMatch(t -> t.matches("206 bytes=\\d+-\\d+")), texts.toString());
    }

    @Test
    void aHostThatIgnoresRangesSendsTheTextsFileOnceAndSnippetsStillShow() throws Exception {
        try (StaticFileServer noRanges = new StaticFileServer(ExampleSite.get().siteDir(), false)) {
            List<String> snippets = new ArrayList<>();
            List<String> texts = textRequests(noRanges.uri().toString().replaceAll("/$", ""), snippets);
            assertEquals(10, snippets.size(), snippets.toString());
            assertTrue(snippets.stream().allMatch(s -> s.contains("<mark>")), snippets.toString());
            // the whole file once; the browser's cache (or search.js) cuts the other pages' texts from it
            assertEquals(1, texts.stream().filter(t -> t.startsWith("200 ")).count(), texts.toString());
        }
    }

    @Test
    void facetsNarrowTheHitsAndCountWhatIsThere() {
        try (BrowserContext context = browser.newContext()) {
            Page page = search(context, "pårørende", new ArrayList<>());
            Locator typeFilter = page.locator("#filter-type");
            assertThat(typeFilter).isVisible();
            String serviceOption = typeFilter.locator("option[value=service]").textContent();
            int services = Integer.parseInt(serviceOption.replaceAll(".*\\((\\d+)\\)$", "$1"));
            typeFilter.selectOption("service");
            page.locator(".filters button[type=submit]").click();
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*type=service.*"));
            assertThat(page.locator("[data-search-output] [role=status]")).containsText(services + " treff");
            assertTrue(page.locator("ol.results p.meta").allTextContents().stream().allMatch(t -> t.startsWith("Hjelpetilbud")));
        }
    }

    @Test
    void theHeaderSearchBoxWorksOnAStaticHost() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(origin + "/");
            page.locator("form.site-search input[name=q]").fill("tyrili");
            page.locator("form.site-search input[name=q]").press("Enter");
            assertThat(page.locator("ol.results > li > h2 > a").first()).hasAttribute("href", "/services/tyrilistiftelsen/");
        }
    }

    @Test
    void noResultsLeadsToHelpAndWithoutJavaScriptThePageSaysWhy() {
        try (BrowserContext context = browser.newContext()) {
            Page page = search(context, "xqzvw", new ArrayList<>());
            assertThat(page.locator("[data-search-none] .emergency")).isVisible();
        }
        try (BrowserContext noScript = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            Page page = noScript.newPage();
            page.navigate(origin + "/sok/?q=rus");
            assertThat(page.locator("noscript, .ds-alert").first()).isAttached();
            assertTrue(page.content().contains("Søket på denne nettadressen trenger JavaScript"));
        }
    }

    @Test
    void aSharedLinkAskingAFixedPageForOtherValuesOpensTheWholeDirectory() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(origin + "/hjelp/for/parorende/?for=children-youth&kommune=grong");
            page.waitForURL("**/hjelp/?for=children-youth&kommune=grong");
            assertThat(page.locator("#filter-for")).hasValue("children-youth");
            assertThat(page.locator("#filter-kommune")).hasValue("grong");
            assertTrue(page.locator("[data-filter-list] > li:visible").count() > 0);
            // the page's own value stays on the page
            page.navigate(origin + "/hjelp/for/parorende/?for=relatives&kommune=grong");
            assertThat(page.locator("#filter-kommune")).hasValue("grong");
            assertTrue(page.url().contains("/hjelp/for/parorende/"), page.url());
        }
    }
}
