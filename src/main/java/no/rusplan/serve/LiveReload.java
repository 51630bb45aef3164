package no.rusplan.serve;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Live reload for {@code serve --watch}: {@value #SCRIPT} (which pages baked in watch mode
 * load) listens to {@value #EVENTS}, a server-sent event stream that says "reload" after each
 * rebuild. Nothing of this exists without {@code --watch}.
 */
public final class LiveReload extends Handler.Abstract {
    public static final String SCRIPT = "/_rusplan/live-reload.js";
    public static final String EVENTS = "/_rusplan/events";
    private static final String JS = """
            // Rusplan serve --watch: reload this page when the site has been rebuilt.
            new EventSource('/_rusplan/events').addEventListener('reload', () => location.reload());
            """;

    private record Listener(Response response, Callback callback) {
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (request.getHttpURI().getPath().equals(SCRIPT)) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/javascript; charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.write(true, ByteBuffer.wrap(JS.getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        Listener listener = new Listener(response, callback);
        listeners.add(listener);
        // the stream stays open (the callback completes when the client goes or a write fails)
        response.write(false, ByteBuffer.wrap(": connected\n\n".getBytes(StandardCharsets.UTF_8)),
                Callback.from(() -> { }, failure -> drop(listener, failure)));
        return true;
    }

    /** Tells every open page to reload. */
    public void reload() {
        byte[] event = "event: reload\ndata: reload\n\n".getBytes(StandardCharsets.UTF_8);
        for (Listener listener : listeners) {
            listener.response().write(false, ByteBuffer.wrap(event),
                    Callback.from(() -> { }, failure -> drop(listener, failure)));
        }
    }

    private void drop(Listener listener, Throwable failure) {
        if (listeners.remove(listener)) {
            listener.callback().failed(failure);
        }
    }
}
