package no.rusplan.serve;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import no.rusplan.render.SiteView;
import no.rusplan.render.TemplateSetup;
import no.rusplan.search.SearchService;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty serving a built site: the baked pages, {@code /api/search} (JSON) and {@code /sok}
 * (HTML results). Binds to the loopback interface unless told otherwise. After a rebuild,
 * {@link #reload} swaps in the new index and model without a restart ({@code serve --watch}).
 */
public final class SiteServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;
    private final Path siteDir;
    private final Path indexDir;
    private final Path templatesDir;
    private final LiveReload liveReload;
    private final int keptAnswers;
    private volatile Routes current;
    /** The routes before the current ones: closed at the next swap, when no request can still use them. */
    private Routes retired;

    /** The handlers of one build of the site, and the search index they answer from. */
    private record Routes(Handler handler, SearchService search) {
    }

    /**
     * How a server runs beyond what it serves.
     *
     * @param liveReload serve {@link LiveReload}'s script and event stream ({@code serve --watch})
     * @param keptAnswers how many recent search answers to keep and give again (0: search every time)
     */
    public record Options(boolean liveReload, int keptAnswers) {
        public static final Options DEFAULT = new Options(false, SearchService.DEFAULT_KEPT_ANSWERS);
    }

    /**
     * @param port 0 picks a free port (see {@link #uri()})
     */
    public SiteServer(Path siteDir, Path indexDir, Path templatesDir, SiteView view, String host, int port)
            throws Exception {
        this(siteDir, indexDir, templatesDir, view, host, port, Options.DEFAULT);
    }

    public SiteServer(Path siteDir, Path indexDir, Path templatesDir, SiteView view, String host, int port,
                      Options options) throws Exception {
        this.siteDir = siteDir;
        this.indexDir = indexDir;
        this.templatesDir = templatesDir;
        this.liveReload = options.liveReload() ? new LiveReload() : null;
        this.keptAnswers = options.keptAnswers();
        this.current = routes(view);
        this.server = new Server();
        this.connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        Handler site = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                return current.handler().handle(request, response, callback);
            }
        };
        PathMappingsHandler top = new PathMappingsHandler();
        if (this.liveReload != null) {
            top.addMapping(PathSpec.from(LiveReload.SCRIPT), this.liveReload);
            top.addMapping(PathSpec.from(LiveReload.EVENTS), this.liveReload);
        }
        top.addMapping(PathSpec.from("/"), site);
        // The static handler resolves welcome files against a context, so everything runs in "/".
        server.setHandler(new ContextHandler(new PrivacyHeaders(top), "/"));
    }

    private Routes routes(SiteView view) throws IOException {
        SearchService search = SearchService.open(indexDir, keptAnswers);
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
        if (server != null && server.isStarted()) {
            routes.setServer(server);
            try {
                routes.start();
            } catch (Exception e) {
                search.close();
                throw new IOException("Cannot start the new routes", e);
            }
        }
        return new Routes(routes, search);
    }

    public SiteServer start() throws Exception {
        current.handler().setServer(server);
        server.start();
        current.handler().start();
        return this;
    }

    /**
     * Serves a new build: opens its index, swaps the handlers in, and (in watch mode) tells open
     * pages to reload. The previous index is closed at the next swap.
     */
    public synchronized void reload(SiteView view) throws Exception {
        Routes next = routes(view);
        Routes old = current;
        current = next;
        if (retired != null) {
            retired.handler().stop();
            retired.search().close();
        }
        retired = old;
        if (liveReload != null) {
            liveReload.reload();
        }
    }

    public URI uri() {
        String host = connector.getHost() == null || connector.getHost().equals("0.0.0.0") ? "localhost" : connector.getHost();
        return URI.create("http://" + host + ":" + connector.getLocalPort() + "/");
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public synchronized void close() throws Exception {
        server.stop();
        current.handler().stop();
        current.search().close();
        if (retired != null) {
            retired.handler().stop();
            retired.search().close();
        }
    }
}
