package no.rusplan.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Sends JSON answers of the API, and its error shape {@code {"error":{"parameter","message"}}}. */
final class JsonResponse {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonResponse() {
    }

    static boolean send(Response response, Callback callback, int status, Object body) throws JsonProcessingException {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    static Map<String, Object> error(String parameter, String message) {
        return Map.of("error", Map.of("parameter", parameter, "message", message));
    }
}
