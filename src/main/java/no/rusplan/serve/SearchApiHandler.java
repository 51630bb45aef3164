package no.rusplan.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import no.rusplan.search.InvalidQueryException;
import no.rusplan.search.SearchRequest;
import no.rusplan.search.SearchResult;
import no.rusplan.search.SearchService;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /api/search?q=&limit=&offset=&type=&municipality=} → {@link SearchResult} as JSON.
 * A bad parameter is answered 400 with {@code {"error":{"parameter","message"}}}.
 */
final class SearchApiHandler extends Handler.Abstract.NonBlocking {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SearchService search;

    SearchApiHandler(SearchService search) {
        this.search = search;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
            return write(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405,
                    Map.of("error", Map.of("parameter", "method", "message", "only GET is supported")));
        }
        try {
            SearchRequest query = SearchRequest.parse(QueryParameters.of(request));
            return write(response, callback, HttpStatus.OK_200, search.search(query));
        } catch (InvalidQueryException e) {
            return write(response, callback, HttpStatus.BAD_REQUEST_400,
                    Map.of("error", Map.of("parameter", e.parameter(), "message", e.getMessage())));
        }
    }

    private static boolean write(Response response, Callback callback, int status, Object body) throws Exception {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, java.nio.ByteBuffer.wrap(JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8)),
                callback);
        return true;
    }
}
