package no.rusplan.serve;

import java.util.List;
import java.util.Map;
import no.rusplan.search.InvalidQueryException;
import no.rusplan.search.SearchRequest;
import no.rusplan.search.SearchResult;
import no.rusplan.search.SearchService;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The JSON API: {@code GET /api/search?q=&limit=&offset=&type=&municipality=} →
 * {@link SearchResult}, and {@code GET /api/suggest?q=} → up to
 * {@value SearchService#MAX_SUGGESTIONS} titles for autocomplete. A bad parameter is answered
 * 400 with {@code {"error":{"parameter","message"}}}.
 */
final class SearchApiHandler extends Handler.Abstract { // blocking: a search may wait its turn (SearchService)
    static final String SEARCH = "/api/search";
    static final String SUGGEST = "/api/suggest";

    private final SearchService search;

    SearchApiHandler(SearchService search) {
        this.search = search;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
            return JsonResponse.send(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405,
                    JsonResponse.error("method", "only GET is supported"));
        }
        try {
            Map<String, List<String>> parameters = QueryParameters.of(request);
            if (SUGGEST.equals(request.getHttpURI().getDecodedPath())) {
                String prefix = SearchRequest.parse(Map.of("q", parameters.getOrDefault("q", List.of()))).query();
                return JsonResponse.send(response, callback, HttpStatus.OK_200,
                        Map.of("query", prefix, "suggestions", search.suggest(prefix)));
            }
            return JsonResponse.send(response, callback, HttpStatus.OK_200, search.search(SearchRequest.parse(parameters)));
        } catch (InvalidQueryException e) {
            return JsonResponse.send(response, callback, HttpStatus.BAD_REQUEST_400,
                    JsonResponse.error(e.parameter(), e.getMessage()));
        }
    }
}
