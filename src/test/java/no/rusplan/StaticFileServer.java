package no.rusplan;

import java.net.URI;
import java.nio.file.Path;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * A plain static file server on loopback (Jetty's {@link ResourceHandler}, nothing of Rusplan's):
 * what an ordinary web host does with {@code target/site/}. No {@code /api}, no {@code /sok}.
 */
public final class StaticFileServer implements AutoCloseable {
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    public StaticFileServer(Path root) throws Exception {
        this(root, true);
    }

    /** @param ranges whether the host answers {@code Range} requests with 206 (some hosts send the whole file) */
    public StaticFileServer(Path root, boolean ranges) throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ResourceHandler files = new ResourceHandler();
        files.setBaseResource(ResourceFactory.of(server).newResource(root));
        files.setDirAllowed(false);
        files.setWelcomeFiles("index.html");
        files.setAcceptRanges(ranges);
        server.setHandler(files);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
