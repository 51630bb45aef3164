package no.rusplan.serve;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * Serves the baked site from {@code target/site/}: {@code /a/} is {@code /a/index.html}, and
 * what does not exist is answered 404 with the site's own {@code 404.html}.
 */
final class StaticSiteHandler extends Handler.Wrapper {
    private final Path siteDir;

    StaticSiteHandler(Path siteDir) {
        this.siteDir = siteDir;
        ResourceHandler resources = new ResourceHandler();
        resources.setBaseResource(ResourceFactory.of(resources).newResource(siteDir));
        resources.setWelcomeFiles(List.of("index.html"));
        resources.setDirAllowed(false);
        resources.setEtags(true);
        setHandler(resources);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (super.handle(request, response, callback)) {
            return true;
        }
        Path page = siteDir.resolve("404.html");
        response.setStatus(HttpStatus.NOT_FOUND_404);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        byte[] body = Files.isRegularFile(page) ? Files.readAllBytes(page) : "Not found".getBytes();
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
