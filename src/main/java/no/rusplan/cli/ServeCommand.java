package no.rusplan.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import no.rusplan.build.ProjectLayout;
import no.rusplan.build.SiteBuild;
import no.rusplan.content.ContentProblemsException;
import no.rusplan.model.SiteModel;
import no.rusplan.render.Messages;
import no.rusplan.render.SiteView;
import no.rusplan.serve.SiteServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves target/site/ with search (/api/search, /sok) until stopped with Ctrl+C.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions project;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (0 = any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Interface to listen on; 0.0.0.0 for all. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--build", description = "Build the site first (as 'rusplan build').")
    boolean build;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ProjectLayout layout = project.layout();
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (build) {
            int code = BuildRunner.run(layout, true, out, err).exitCode();
            if (code != 0) {
                return code;
            }
        }
        SiteView view;
        try {
            SiteModel site = new SiteBuild(layout, LocalDate.now()).readModel();
            view = SiteView.served(site, Messages.load(layout.templatesDir(), site.settings().lang()), LocalDate.now());
        } catch (ContentProblemsException e) {
            e.problems().forEach(err::println);
            return BuildRunner.CONTENT_ERROR;
        }
        if (!java.nio.file.Files.isDirectory(layout.siteDir())) {
            err.println("No built site in " + layout.siteDir() + ": run 'rusplan build' first (or serve --build).");
            return BuildRunner.BUILD_ERROR;
        }
        try (SiteServer server = new SiteServer(layout.siteDir(), layout.indexDir(), layout.templatesDir(), view, host, port)) {
            server.start();
            out.println("Serving " + server.uri() + "  (search: " + server.uri() + "sok?q=pårørende)  Stop with Ctrl+C.");
            out.flush();
            server.join();
        }
        return 0;
    }
}
