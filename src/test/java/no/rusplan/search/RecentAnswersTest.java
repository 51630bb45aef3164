package no.rusplan.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecentAnswersTest {
    private static SearchRequest request(String query) {
        return new SearchRequest(query, 10, 0, "", "");
    }

    private static SearchResult answer(String query) {
        return new SearchResult(query, 0, 10, 0, List.of(), Map.of(), "", false);
    }

    @Test
    void keepsTheMostRecentlyAskedAndDropsTheLeastRecentlyAsked() {
        RecentAnswers recent = new RecentAnswers(2);
        SearchResult rus = answer("rus");
        recent.put(request("rus"), rus);
        recent.put(request("pårørende"), answer("pårørende"));
        assertSame(rus, recent.get(request("rus"))); // now "pårørende" is the least recent
        recent.put(request("nav"), answer("nav"));
        assertEquals(2, recent.size());
        assertSame(rus, recent.get(request("rus")));
        assertNull(recent.get(request("pårørende")));
    }

    @Test
    void anotherPageOrFilterIsAnotherRequest() {
        RecentAnswers recent = new RecentAnswers(10);
        recent.put(request("rus"), answer("rus"));
        assertNull(recent.get(new SearchRequest("rus", 10, 10, "", "")));
        assertNull(recent.get(new SearchRequest("rus", 10, 0, "service", "")));
    }

    @Test
    void capacityZeroKeepsNothing() {
        RecentAnswers recent = new RecentAnswers(0);
        recent.put(request("rus"), answer("rus"));
        assertNull(recent.get(request("rus")));
        assertEquals(0, recent.size());
    }
}
