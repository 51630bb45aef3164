package no.rusplan;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import no.rusplan.build.SiteBuild;
import no.rusplan.model.SiteModel;
import no.rusplan.render.Messages;
import no.rusplan.render.SiteView;
import no.rusplan.serve.SiteServer;

/**
 * The example site, built once per test JVM into {@code target/example-site/} and served on a
 * free loopback port; shared by the end-to-end and browser tests (a build takes seconds).
 */
public final class ExampleSite {
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static ExampleSite instance;

    private final SiteModel site;
    private final SiteServer server;
    private final Path siteDir;

    private ExampleSite(SiteModel site, SiteServer server, Path siteDir) {
        this.site = site;
        this.server = server;
        this.siteDir = siteDir;
    }

    public static synchronized ExampleSite get() throws Exception {
        if (instance == null) {
            Path dir = TestProject.REPO.resolve("target/example-site");
            if (Files.exists(dir)) {
                no.rusplan.TestProject.deleteTree(dir);
            }
            TestProject project = TestProject.example(dir);
            SiteModel site = new SiteBuild(project.layout(), TODAY).build().site();
            SiteView view = SiteView.served(site, Messages.load(project.layout().templatesDir(), site.settings().lang()), TODAY);
            SiteServer server = new SiteServer(project.layout().siteDir(), project.layout().indexDir(),
                    project.layout().templatesDir(), view, "127.0.0.1", 0).start();
            instance = new ExampleSite(site, server, project.layout().siteDir());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (Exception e) {
                    // the JVM is going away
                }
            }));
        }
        return instance;
    }

    public SiteModel site() {
        return site;
    }

    public URI uri() {
        return server.uri();
    }

    /** The baked site ({@code target/site/} of the example project), as copied to a static host. */
    public Path siteDir() {
        return siteDir;
    }
}
