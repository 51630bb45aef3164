package no.rusplan.serve;

import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Sends a page the server renders from a template (never cached: it depends on the request). */
final class RenderedPage {
    private RenderedPage() {
    }

    static boolean send(Response response, Callback callback, int status, Template template, Map<String, Object> model)
            throws IOException, TemplateException {
        StringWriter html = new StringWriter();
        template.process(model, html);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(html.toString().getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
