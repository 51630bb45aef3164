package no.rusplan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.rusplan.HeadlessChromium;
import no.rusplan.StaticFileServer;
import no.rusplan.TestProject;
import no.rusplan.build.ProjectLayout;
import no.rusplan.build.SiteBuild;
import no.rusplan.model.SiteModel;
import no.rusplan.render.Messages;
import no.rusplan.render.SiteView;
import no.rusplan.serve.SiteServer;

/**
 * The relevance benchmark: builds the example site, runs every query of
 * {@link RelevanceSet} through Rusplan's served {@code /api/search} and through Pagefind
 * (npm {@code pagefind} in {@code bench/pagefind/}, indexing a copy of the same
 * {@code target/site/} restricted to the same {@code <main>} text, queried in headless chromium
 * from a plain static server), and prints success@k and MRR@10 side by side.
 * <p>Run: {@code ./mvnw -q test-compile exec:java@relevance} (needs node/npm and chromium).
 */
public final class RelevanceBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RelevanceBench() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = TestProject.REPO;
        ProjectLayout layout = ProjectLayout.of(repo);
        LocalDate today = LocalDate.now();
        SiteModel site = new SiteBuild(layout, today).build().site();
        List<RelevanceSet.Query> queries = RelevanceSet.load();
        Map<String, RelevanceSet.Scores> scores = new LinkedHashMap<>();

        SiteView view = SiteView.served(site, Messages.load(layout.templatesDir(), site.settings().lang()), today);
        try (SiteServer server = new SiteServer(layout.siteDir(), layout.indexDir(), layout.templatesDir(), view,
                "127.0.0.1", 0).start()) {
            HttpClient http = HttpClient.newHttpClient();
            scores.put("rusplan", RelevanceSet.score("rusplan", queries, query -> apiTop10(http, server.uri(), query)));
        }

        Path pagefindSite = Pagefind.index(repo, layout.siteDir());
        try (StaticFileServer files = new StaticFileServer(pagefindSite);
             HeadlessChromium chromium = HeadlessChromium.launch(HeadlessChromium.find().orElseThrow(
                     () -> new IllegalStateException("chromium not on PATH (apt-get install chromium)")))) {
            Page page = chromium.browser().newPage();
            page.navigate(files.uri().resolve(Pagefind.HARNESS).toString());
            scores.put("static", RelevanceSet.score("static", queries, query -> staticTop10(page, query)));
            scores.put("pagefind", RelevanceSet.score("pagefind", queries, query -> Pagefind.top10(page, query)));
        }
        print(scores, queries);
        printAgreement(scores.get("rusplan"), scores.get("static"), queries);
    }

    static List<String> apiTop10(HttpClient http, URI base, String query) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(
                "/api/search?limit=10&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> urls = new ArrayList<>();
        JSON.readTree(response.body()).get("hits").forEach((JsonNode hit) -> urls.add(hit.get("url").asText()));
        return urls;
    }

    /** The first ten result urls from Rusplan's static searcher (search.js) on a plain static host. */
    @SuppressWarnings("unchecked")
    static List<String> staticTop10(Page page, String query) {
        return (List<String>) page.evaluate("""
                async (query) => {
                  const searcher = await import('/js/search.js');
                  const result = await searcher.search(query, { limit: 10 });
                  return result.hits.map(h => h.url);
                }""", query);
    }

    /** Share of queries whose top 3 (as sets) are the same for the server and the static searcher. */
    static void printAgreement(RelevanceSet.Scores server, RelevanceSet.Scores browser, List<RelevanceSet.Query> queries) {
        int same = 0;
        List<String> different = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            if (new java.util.HashSet<>(server.top3().get(i)).equals(new java.util.HashSet<>(browser.top3().get(i)))) {
                same++;
            } else {
                different.add(queries.get(i).text() + ": " + server.top3().get(i) + " / " + browser.top3().get(i));
            }
        }
        if (System.getProperty("rusplan.bench.verbose") != null) {
            different.forEach(d -> System.out.println("  differs: " + d));
        }
        double overlap = 0;
        for (int i = 0; i < queries.size(); i++) {
            List<String> ours = server.top3().get(i);
            long shared = browser.top3().get(i).stream().filter(ours::contains).count();
            overlap += ours.isEmpty() ? 1 : shared / (double) ours.size();
        }
        System.out.printf(Locale.ROOT, "%ntop-3 agreement, static searcher vs server: same top-3 set %.3f (%d of %d queries),"
                + " mean top-3 overlap %.3f%n", same / (double) queries.size(), same, queries.size(), overlap / queries.size());
    }

    static void print(Map<String, RelevanceSet.Scores> scores, List<RelevanceSet.Query> queries) throws Exception {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Relevance set: %d queries (%s), %s, %d cores%n", queries.size(),
                RelevanceSet.FILE, LocalDate.now(), Runtime.getRuntime().availableProcessors()));
        scores.values().forEach(s -> out.append(s.summary()).append('\n'));
        out.append("\nsuccess@3 by who is asking:\n");
        for (String who : queries.stream().map(RelevanceSet.Query::who).distinct().toList()) {
            out.append(String.format(Locale.ROOT, "  %-13s", who));
            for (RelevanceSet.Scores s : scores.values()) {
                List<Integer> ranks = new ArrayList<>();
                for (int i = 0; i < queries.size(); i++) {
                    if (queries.get(i).who().equals(who)) {
                        ranks.add(s.ranks().get(i));
                    }
                }
                long hits = ranks.stream().filter(r -> r > 0 && r <= 3).count();
                out.append(String.format(Locale.ROOT, "  %s %d/%d", s.engine(), hits, ranks.size()));
            }
            out.append('\n');
        }
        for (RelevanceSet.Scores s : scores.values()) {
            out.append("\n").append(s.engine()).append(" misses at 3: ").append(s.missesAt(3)).append('\n');
        }
        Commands.report(TestProject.REPO, "relevance.txt", out);
    }
}
