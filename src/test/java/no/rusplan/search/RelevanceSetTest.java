package no.rusplan.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import no.rusplan.bench.RelevanceSet;
import org.junit.jupiter.api.Test;

/**
 * The relevance set as a quality gate: through the served {@code /api/search}, an expected
 * page must be in the top 3 for at least 95 % of the queries. The benchmark prints the same
 * figures beside Pagefind's; this test keeps ranking changes from quietly making them worse.
 */
class RelevanceSetTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyExpectedPageExists() throws Exception {
        URI base = ExampleSite.get().uri();
        HttpClient http = HttpClient.newHttpClient();
        List<String> missing = new ArrayList<>();
        for (RelevanceSet.Query query : RelevanceSet.load()) {
            for (String url : query.expected()) {
                HttpResponse<Void> page = http.send(HttpRequest.newBuilder(base.resolve(url)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (page.statusCode() != 200) {
                    missing.add(query.text() + " -> " + url);
                }
            }
        }
        assertTrue(missing.isEmpty(), "expected pages that the example site does not have: " + missing);
    }

    @Test
    void successAt3IsAtLeast95Percent() throws Exception {
        URI base = ExampleSite.get().uri();
        HttpClient http = HttpClient.newHttpClient();
        List<RelevanceSet.Query> queries = RelevanceSet.load();
        assertTrue(queries.size() >= 60, "the set has at least 60 queries");
        RelevanceSet.Scores scores = RelevanceSet.score("rusplan", queries, query -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(
                    "/api/search?limit=10&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), query);
            List<String> urls = new ArrayList<>();
            JSON.readTree(response.body()).get("hits").forEach((JsonNode hit) -> urls.add(hit.get("url").asText()));
            return urls;
        });
        System.out.println(scores.summary());
        assertTrue(scores.successAt(3) >= 0.95, scores.summary() + "; not in the top 3: " + scores.missesAt(3));
    }
}
