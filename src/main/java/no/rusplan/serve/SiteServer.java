package no.rusplan.serve;

import java.net.URI;
import java.nio.file.Path;
import no.rusplan.render.SiteView;
import no.rusplan.render.TemplateSetup;
import no.rusplan.search.SearchService;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.PathMappingsHandler;

/**
 * Jetty serving a built site: the baked pages, {@code /api/search} (JSON) and {@code /sok}
 * (HTML results). Binds to the loopback interface unless told otherwise.
 */
public final class SiteServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;
    private final SearchService search;

    /**
     * @param port 0 picks a free port (see {@link #uri()})
     */
    public SiteServer(Path siteDir, Path indexDir, Path templatesDir, SiteView view, String host, int port)
            throws Exception {
        this.search = SearchService.open(indexDir);
        this.server = new Server();
        this.connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        PathMappingsHandler routes = new PathMappingsHandler();
        SearchApiHandler api = new SearchApiHandler(search);
        routes.addMapping(PathSpec.from(SearchApiHandler.SEARCH), api);
        routes.addMapping(PathSpec.from(SearchApiHandler.SUGGEST), api);
        // The server renders /sok and /sok/ itself (works without JavaScript); the baked
        // /sok/index.html is for hosts without Java.
        SearchPageHandler searchPage = new SearchPageHandler(search, view, TemplateSetup.configuration(templatesDir));
        routes.addMapping(PathSpec.from(SearchPageHandler.PATH), searchPage);
        routes.addMapping(PathSpec.from(SearchPageHandler.PATH + "/"), searchPage);
        Handler files = new StaticSiteHandler(siteDir);
        routes.addMapping(PathSpec.from("/"), view.site().isPresent()
                ? new DirectoryFilterHandler(files, view, TemplateSetup.configuration(templatesDir), siteDir) : files);
        // The static handler resolves welcome files against a context, so everything runs in "/".
        server.setHandler(new ContextHandler(new PrivacyHeaders(routes), "/"));
    }

    public SiteServer start() throws Exception {
        server.start();
        return this;
    }

    public URI uri() {
        String host = connector.getHost() == null || connector.getHost().equals("0.0.0.0") ? "localhost" : connector.getHost();
        return URI.create("http://" + host + ":" + connector.getLocalPort() + "/");
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        server.stop();
        search.close();
    }
}
