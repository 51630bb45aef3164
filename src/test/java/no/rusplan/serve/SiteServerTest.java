package no.rusplan.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import no.rusplan.ExampleSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** End to end: the example site built, Jetty started on a free port, requests over HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private URI base;
    private no.rusplan.model.SiteModel site;

    @BeforeAll
    void useExampleSite() throws Exception {
        ExampleSite example = ExampleSite.get();
        site = example.site();
        base = example.uri();
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Sends a request the JDK client refuses to build (malformed percent-encoding). */
    private String rawGet(String target) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> urls(JsonNode result) {
        List<String> urls = new ArrayList<>();
        result.get("hits").forEach(hit -> urls.add(hit.get("url").asText()));
        return urls;
    }

    @Test
    void apiSearchFindsArpAsTheServicePage() throws Exception {
        HttpResponse<String> response = get("/api/search?q=ARP");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElseThrow().startsWith("application/json"));
        JsonNode result = JSON.readTree(response.body());
        assertEquals("ARP", result.get("query").asText());
        assertTrue(result.get("total").asInt() >= 2);
        List<String> top3 = urls(result).subList(0, 3);
        assertTrue(top3.contains("/services/arp-sykehuset-namsos/"), top3.toString());
        JsonNode service = result.get("hits").get(urls(result).indexOf("/services/arp-sykehuset-namsos/"));
        assertEquals("service", service.get("type").asText());
        assertEquals("Overhalla", service.get("municipalities").get(0).asText());
        assertTrue(service.get("snippet").asText().contains("<mark>ARP</mark>"));
        assertTrue(result.get("facets").get("type").isArray());
    }

    @Test
    void filtersNarrowHitsAndFacetsDrillSideways() throws Exception {
        JsonNode all = JSON.readTree(get("/api/search?q=" + q("pårørende")).body());
        JsonNode services = JSON.readTree(get("/api/search?q=" + q("pårørende") + "&type=service").body());
        assertTrue(services.get("total").asInt() < all.get("total").asInt());
        services.get("hits").forEach(hit -> assertEquals("service", hit.get("type").asText()));
        assertEquals(all.get("facets").get("type").toString(), services.get("facets").get("type").toString(),
                "the type facet ignores the type filter, so the other types stay selectable");
        JsonNode inNamsos = JSON.readTree(get("/api/search?q=" + q("pårørende") + "&municipality=namsos").body());
        inNamsos.get("hits").forEach(hit -> assertTrue(hit.get("municipalities").toString().contains("Namsos"), hit.toString()));
    }

    @Test
    void searchPageWorksWithoutJavaScript() throws Exception {
        HttpResponse<String> response = get("/sok?q=" + q("pårørende"));
        assertEquals(200, response.statusCode());
        Document page = Jsoup.parse(response.body());
        assertEquals("nb", page.selectFirst("html").attr("lang"));
        List<String> hits = page.select("ol.results h2 a").eachAttr("href");
        assertTrue(hits.contains("/services/nks-veiledningssenter-for-parorende/"), hits.toString());
        assertEquals("pårørende", page.selectFirst("input#q").val());
        assertFalse(page.select("mark").isEmpty(), "snippets mark the matches");
    }

    @Test
    void searchPageEscapesWhatTheUserTyped() throws Exception {
        HttpResponse<String> response = get("/sok?q=" + q("<script>alert(1)</script>"));
        assertEquals(200, response.statusCode());
        assertFalse(response.body().contains("<script>alert(1)"));
        assertTrue(Jsoup.parse(response.body()).select("main script").isEmpty());
    }

    @Test
    void emptyQueryIsNotAnError() throws Exception {
        assertEquals(0, JSON.readTree(get("/api/search?q=").body()).get("total").asInt());
        assertEquals(200, get("/sok").statusCode());
    }

    @Test
    void badParametersAreAnswered400NamingTheParameter() throws Exception {
        for (String[] bad : new String[][] {{"limit=abc", "limit"}, {"limit=0", "limit"}, {"offset=-1", "offset"},
                {"type=bogus", "type"}, {"municipality=" + q("../etc"), "municipality"}, {"q=a&q=b", "q"},
                {"q=" + "x".repeat(201), "q"}}) {
            HttpResponse<String> response = get("/api/search?" + bad[0]);
            assertEquals(400, response.statusCode(), bad[0]);
            assertEquals(bad[1], JSON.readTree(response.body()).get("error").get("parameter").asText(), bad[0]);
        }
        String raw = rawGet("/api/search?q=%ZZ");
        assertTrue(raw.startsWith("HTTP/1.1 400"), raw);
        HttpResponse<String> page = get("/sok?q=" + "x".repeat(300));
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("q: must be at most 200 characters"));
    }

    @Test
    void oddInputNeverGives500() throws Exception {
        for (String input : List.of("\"", "*", "?", "AND", "OR NOT", "(", ")", "~2", "title:x", "a^9", "\\", "💊", "æøå ÆØÅ",
                "-", "+", "[a TO b]", "/regex/", "{", "!!!", ":::")) {
            assertEquals(200, get("/api/search?q=" + q(input)).statusCode(), input);
            assertEquals(200, get("/sok?q=" + q(input)).statusCode(), input);
        }
    }

    @Test
    void servesStaticPagesAndA404Page() throws Exception {
        HttpResponse<String> service = get("/services/nks-veiledningssenter-for-parorende/");
        assertEquals(200, service.statusCode());
        assertTrue(service.body().contains("mailto:veiledningssentret@gmail.com"));
        assertTrue(service.headers().firstValue("content-security-policy").orElseThrow().contains("default-src 'self'"));
        assertEquals("no-referrer", service.headers().firstValue("referrer-policy").orElseThrow());
        HttpResponse<String> missing = get("/finnes/ikke/");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("Fant ikke siden"));
        assertEquals(200, get("/css/site.css").statusCode());
    }

    @Test
    void everyHeadingOfTheOverhallaPlanIsServed() throws Exception {
        Document plan = Jsoup.parse(get("/plans/overhalla-2011-2015/").body());
        List<String> chapters = plan.select("ol.toc a").eachAttr("href");
        assertEquals(17, chapters.size());
        for (String chapter : chapters) {
            assertEquals(200, get(chapter).statusCode(), chapter);
        }
        assertEquals(URI.create("/plans/overhalla-2011-2015/innledning/"), URI.create(chapters.get(0)));
    }

    private List<String> topUrls(String query, int n) throws Exception {
        HttpResponse<String> response = get("/api/search?limit=" + n + "&q=" + q(query));
        assertEquals(200, response.statusCode(), query);
        return urls(JSON.readTree(response.body()));
    }

    @Test
    void everyServiceProgramAndTermIsFoundByItsName() throws Exception {
        List<String> missed = new ArrayList<>();
        List<no.rusplan.model.Item> items = new ArrayList<>();
        items.addAll(site.services());
        items.addAll(site.programs());
        items.addAll(site.terms());
        for (no.rusplan.model.Item item : items) {
            String name = item instanceof no.rusplan.model.Service s ? s.name()
                    : item instanceof no.rusplan.model.Program p ? p.name() : ((no.rusplan.model.Term) item).term();
            if (!topUrls(name, 5).contains(item.location().url())) {
                missed.add(name + " -> " + item.location().url());
            }
        }
        assertTrue(missed.isEmpty(), "not in the top 5 for their own name: " + missed);
    }

    @Test
    void everyAbbreviationFindsItsGlossaryEntryAndTheExpansionFindsTheSamePages() throws Exception {
        List<String> missed = new ArrayList<>();
        for (var entry : site.glossary().expansions().entrySet()) {
            String termUrl = "/glossary/" + site.terms().stream().filter(t -> t.term().equals(entry.getKey()))
                    .findFirst().orElseThrow().id() + "/";
            if (!topUrls(entry.getKey(), 3).contains(termUrl)) {
                missed.add(entry.getKey());
            }
        }
        assertTrue(missed.isEmpty(), "abbreviations whose glossary entry is not in the top 3: " + missed);
        List<String> byAbbreviation = topUrls("ARP", 10);
        List<String> byExpansion = topUrls("avdeling for rusrelatert psykiatri", 10);
        for (String url : List.of("/services/arp-sykehuset-namsos/", "/services/arp-sykehuset-levanger/", "/glossary/arp/")) {
            assertTrue(byAbbreviation.contains(url), url + " for ARP: " + byAbbreviation);
            assertTrue(byExpansion.contains(url), url + " for the expansion: " + byExpansion);
        }
    }

    @Test
    void directoryPagesListEveryEntry() throws Exception {
        Document help = Jsoup.parse(get("/hjelp/").body());
        assertEquals(site.services().size(), help.select("main .cards > li").size());
        Document programs = Jsoup.parse(get("/forebygging/").body());
        assertEquals(site.programs().size(), programs.select("main .cards > li").size());
        Document glossary = Jsoup.parse(get("/ordliste/").body());
        assertEquals(site.terms().size(), glossary.select("main dl.glossary > dt").size());
    }

    @Test
    void firstUseOfAnAbbreviationIsExplained() throws Exception {
        Document page = Jsoup.parse(get("/plans/overhalla-2011-2015/planarbeid/").body());
        assertEquals("Midtre Namdal samkommune", page.selectFirst("abbr:containsOwn(MNS)").attr("title"));
        assertEquals(1, page.select("abbr:containsOwn(MNS)").size(), "only the first use is marked");
    }

    @Test
    void servicePagesCarrySchemaOrgDataWithOnlyTheSourcesContactDetails() throws Exception {
        Document nks = Jsoup.parse(get("/services/nks-veiledningssenter-for-parorende/").body());
        JsonNode data = JSON.readTree(nks.selectFirst("script[type=application/ld+json]").data());
        assertEquals("Organization", data.get("@type").asText());
        assertEquals("veiledningssentret@gmail.com", data.get("email").asText());
        assertFalse(data.has("telephone"), "the plan gives no phone number");
        Document arp = Jsoup.parse(get("/services/arp-sykehuset-namsos/").body());
        assertEquals("MedicalClinic", JSON.readTree(arp.selectFirst("script[type=application/ld+json]").data()).get("@type").asText());
    }

    @Test
    void filterFormIsAnsweredByTheServerAndBadValuesAreNamed() throws Exception {
        HttpResponse<String> grong = get("/hjelp/?kommune=grong&for=relatives&type=&henvisning=&kostnad=");
        assertEquals(200, grong.statusCode());
        List<String> shown = Jsoup.parse(grong.body()).select("[data-filter-list] > li:not([hidden]) h2 a").eachAttr("href");
        assertEquals(site.helpDirectory().apply(java.util.Map.of("kommune", "grong", "for", "relatives")).shownCount(), shown.size());
        assertTrue(shown.contains("/services/moteplass-for-parorende-snasa/"), shown.toString());
        HttpResponse<String> bad = get("/hjelp/?kommune=atlantis");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("kommune: &#39;atlantis&#39; is not one of its values")
                || bad.body().contains("kommune: 'atlantis' is not one of its values"), bad.body());
        assertEquals(400, get("/forebygging/?alder=a&alder=b").statusCode());
        HttpResponse<String> programs = get("/forebygging/?arena=school");
        assertEquals(site.programDirectory().apply(java.util.Map.of("arena", "school")).shownCount(),
                Jsoup.parse(programs.body()).select("[data-filter-list] > li:not([hidden])").size());
    }

    @Test
    void aPageWithAFixedFilterHoldsOnlyWhatItKeepsAndSendsOtherValuesToTheWholeDirectory() throws Exception {
        long relatives = site.helpDirectory().apply(java.util.Map.of("for", "relatives")).shownCount();
        assertTrue(relatives > 0 && relatives < site.services().size());
        Document baked = Jsoup.parse(get("/hjelp/for/parorende/").body());
        assertEquals(relatives, baked.select("[data-filter-list] > li").size(), "only relatives' services, none hidden");
        assertEquals(0, baked.select("[data-filter-list] > li[hidden]").size());
        assertEquals(List.of("for"), baked.select("form[data-filter-form] input[type=hidden]").eachAttr("name"));
        assertTrue(baked.select("#filter-for").isEmpty(), "the fixed dimension is no choice on this page");
        assertEquals("/hjelp/?for=relatives", baked.selectFirst("a[data-filter-wider]").attr("href"));

        // the form without JavaScript: the fixed value comes along as a hidden field
        HttpResponse<String> grong = get("/hjelp/for/parorende/?for=relatives&kommune=grong");
        assertEquals(200, grong.statusCode());
        Document answered = Jsoup.parse(grong.body());
        assertEquals(relatives, answered.select("[data-filter-list] > li").size());
        assertEquals(site.helpDirectory().apply(java.util.Map.of("kommune", "grong", "for", "relatives")).shownCount(),
                answered.select("[data-filter-list] > li:not([hidden])").size());

        // young people asked of the relatives' page: only the whole directory can answer
        HttpResponse<String> young = get("/hjelp/for/parorende/?for=children-youth&kommune=grong");
        assertEquals(303, young.statusCode());
        assertEquals("/hjelp/?for=children-youth&kommune=grong", young.headers().firstValue("Location").orElseThrow());
        assertEquals(200, get(young.headers().firstValue("Location").orElseThrow()).statusCode());
    }

    @Test
    void measureOverviewShowsEveryMeasureInEveryView() throws Exception {
        Document page = Jsoup.parse(get("/plans/overhalla-2011-2015/tiltak/").body());
        assertEquals(23, page.select("table[data-sortable] tbody tr").size());
        assertEquals("premis", page.selectFirst("table[data-sortable] tbody tr").id(), "each measure is linkable");
        assertEquals(23, page.select("#etter-mal ~ .table-scroll tbody tr, section:has(#etter-mal) tbody tr").size());
        List<String> units = page.select("section:has(#ansvar) h3").eachText();
        assertTrue(units.contains("Psykiatritjenesten") && units.contains("Helse"), units.toString());
        assertTrue(page.select("section:has(#status) h3").eachText().contains("Evalueres årlig"));
    }

    @Test
    void statisticsAreDrawnAsChartsBesideTheirTables() throws Exception {
        Document chapter = Jsoup.parse(get("/plans/overhalla-2011-2015/rusmiddelsituasjonen-i-overhalla/").body());
        var charts = chapter.select("figure.chart-figure svg[role=img]");
        assertEquals(4, charts.size());
        assertEquals("16–19-åringer i MNS (UNG HUNT 3)", charts.get(1).selectFirst("title").text());
        assertTrue(charts.get(1).text().contains("37 %"));
        var next = charts.get(1).parent().nextElementSibling();
        assertEquals("table-scroll", next.className(), "the data table follows the chart");
        assertEquals("table", next.child(0).tagName());
        assertEquals("0", next.attr("tabindex"), "a scrolling table can be reached with the keyboard");
        assertEquals(2, charts.get(3).select("text").stream().filter(t -> t.text().equals("Kvinner") || t.text().equals("Menn")).count(),
                "two series get a legend");
    }

    @Test
    void typosAndSplitCompoundsStillFindThePage() throws Exception {
        assertTrue(topUrls("parørende stjørdal", 5).contains("/services/nks-veiledningssenter-for-parorende/"),
                "one wrong letter in 'pårørende'");
        assertTrue(topUrls("familievern kontoret", 5).contains("/services/familievernkontoret/"),
                "two words typed for the compound 'familievernkontoret'");
        assertTrue(topUrls("Familieambulatoriet", 3).contains("/services/familieambulatoriet/"));
        assertTrue(topUrls("famileambulatoriet", 3).contains("/services/familieambulatoriet/"), "a letter missing in a long word");
        assertTrue(topUrls("famileambulatorriet", 3).contains("/services/familieambulatoriet/"), "a long word forgives two edits");
        JsonNode nothing = JSON.readTree(get("/api/search?q=" + q("xqzv")).body());
        assertEquals(0, nothing.get("total").asInt(), "a nonsense word is not stretched to match anything");
    }

    @Test
    void compoundPartsSynonymsAndPrefixesFindThePage() throws Exception {
        assertTrue(topUrls("pårørende senter notodden", 3).contains("/services/parorendesenter-notodden/"),
                "'pårørendesenter' was split into its parts at index time");
        assertTrue(topUrls("hasjavvenning", 3).contains("/programs/hap/"), "part of 'Hasjavvenningsprogrammet'");
        assertTrue(topUrls("tyrili", 3).contains("/services/tyrilistiftelsen/"), "the beginning of a word");
        assertTrue(topUrls("rus på jobben", 3).contains("/services/akan/"), "hand-kept synonym jobb ↔ arbeidsliv");
        assertTrue(topUrls("legemiddelassistert rehabilitering", 3).contains("/services/lar-notodden/"),
                "glossary synonym: the page says LAR");
        assertTrue(topUrls("hjelp etter soning", 3).contains("/services/fengselsprosjektet-levanger/"),
                "'hjelp' is on most pages, so it is not required");
    }

    @Test
    void aNamedServiceRanksAboveAMeasureOfTheSameName() throws Exception {
        List<String> homla = topUrls("Homla", 2);
        assertEquals(List.of("/services/homla/", "/plans/levanger-2010-2013/tiltak/homla/"), homla);
    }

    @Test
    void hitsCarryTheirBestMatchingSectionsWithAnchors() throws Exception {
        JsonNode result = JSON.readTree(get("/api/search?q=" + q("foreldre beruset")).body());
        JsonNode chapter = null;
        for (JsonNode hit : result.get("hits")) {
            if (hit.get("url").asText().equals("/plans/overhalla-2011-2015/rusmiddelsituasjonen-i-overhalla/")) {
                chapter = hit;
            }
        }
        assertTrue(chapter != null, result.toString());
        JsonNode first = chapter.get("sections").get(0);
        assertTrue(first.get("url").asText().startsWith("/plans/overhalla-2011-2015/rusmiddelsituasjonen-i-overhalla/#"));
        String anchor = first.get("url").asText().substring(first.get("url").asText().indexOf('#') + 1);
        Document page = Jsoup.parse(get("/plans/overhalla-2011-2015/rusmiddelsituasjonen-i-overhalla/").body());
        assertEquals(first.get("title").asText(), page.getElementById(anchor).text(), "the anchor is the heading");
        assertTrue(first.get("snippet").asText().contains("<mark>"), first.toString());
        assertTrue(chapter.get("sections").size() <= 3);
        Document sok = Jsoup.parse(get("/sok?q=" + q("foreldre beruset")).body());
        assertFalse(sok.select(".results .sub-results a[href^=/plans/overhalla-2011-2015/rusmiddelsituasjonen-i-overhalla/#]").isEmpty());
    }

    @Test
    void snippetsAreShortEvenFromTablesWithoutSentences() throws Exception {
        JsonNode result = JSON.readTree(get("/api/search?q=" + q("ansvar skjenkekontroll")).body());
        for (JsonNode hit : result.get("hits")) {
            assertTrue(hit.get("snippet").asText().length() < 800, hit.get("url") + ": " + hit.get("snippet").asText().length());
        }
    }

    @Test
    void fewHitsOfferTheClosestSpellingAndTheSearchPageLinksIt() throws Exception {
        JsonNode typo = JSON.readTree(get("/api/search?q=" + q("famileambulatoriet")).body());
        assertEquals("familieambulatoriet", typo.get("suggestion").asText());
        JsonNode right = JSON.readTree(get("/api/search?q=" + q("pårørende")).body());
        assertEquals("", right.get("suggestion").asText(), "no suggestion when the words are the site's own");
        Document page = Jsoup.parse(get("/sok?q=" + q("xqzvw parørende")).body());
        assertEquals("/sok/?q=xqzvw+p%C3%A5r%C3%B8rende", page.selectFirst(".suggestion a").attr("href").replace("%20", "+"));
        assertTrue(page.selectFirst("[role=status]").text().contains("Ingen sider har alle ordene"),
                "no page has both words, so pages with one of them are shown, and the reader is told");
        Document none = Jsoup.parse(get("/sok?q=" + q("xqzvw")).body());
        assertFalse(none.select(".emergency").isEmpty(), "a search without results is never a dead end");
        assertFalse(none.select("main a[href=/hjelp/]").isEmpty(), "… and leads to the help directory");
    }

    @Test
    void suggestCompletesTitlesNamesAndGlossaryTerms() throws Exception {
        JsonNode fam = JSON.readTree(get("/api/suggest?q=famil").body());
        List<String> titles = new ArrayList<>();
        fam.get("suggestions").forEach(x -> titles.add(x.get("title").asText()));
        assertTrue(titles.contains("Familieambulatoriet, Sykehuset Levanger") && titles.contains("Familievernkontoret"), titles.toString());
        assertTrue(titles.size() <= 8);
        JsonNode ar = JSON.readTree(get("/api/suggest?q=AR").body());
        assertEquals("/glossary/ara/", ar.get("suggestions").get(0).get("url").asText(), ar.toString());
        assertEquals(0, JSON.readTree(get("/api/suggest?q=").body()).get("suggestions").size());
        assertEquals(400, get("/api/suggest?q=" + "x".repeat(201)).statusCode());
    }
}
