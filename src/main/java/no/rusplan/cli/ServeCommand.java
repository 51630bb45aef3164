package no.rusplan.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import no.rusplan.build.ChangeWatcher;
import no.rusplan.build.ProjectLayout;
import no.rusplan.build.SiteBuild;
import no.rusplan.build.StaticIndexRefresher;
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

    @Option(names = "--watch", description = "Build first, rebuild when content, templates or assets change, "
            + "and reload open pages.")
    boolean watch;

    @Option(names = "--kept-answers", defaultValue = "" + no.rusplan.search.SearchService.DEFAULT_KEPT_ANSWERS,
            description = "How many recent search answers to keep in memory and give again without searching "
                    + "(0: search every time). Default: ${DEFAULT-VALUE}.")
    int keptAnswers;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ProjectLayout layout = project.layout();
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (keptAnswers < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--kept-answers must be 0 or more, was " + keptAnswers);
        }
        SiteBuild.Outcome[] last = {null};
        if (build || watch) {
            BuildRunner.Result result = BuildRunner.run(layout, true, watch, out, err);
            if (result.exitCode() != 0) {
                return result.exitCode();
            }
            last[0] = result.outcome();
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
        try (SiteServer server = new SiteServer(layout.siteDir(), layout.indexDir(), layout.templatesDir(), view, host,
                port, new SiteServer.Options(watch, keptAnswers))) {
            server.start();
            out.println("Serving " + server.uri() + "  (search: " + server.uri() + "sok/?q=pårørende)  Stop with Ctrl+C.");
            out.flush();
            if (watch) {
                // the first change pays JRuby's start-up unless it is paid now, while nobody waits
                no.rusplan.bake.AsciidocConverter.startInBackground();
                try (StaticIndexRefresher staticIndex = new StaticIndexRefresher(out, err);
                     ChangeWatcher watcher = new ChangeWatcher(layout, changed -> last[0] = rebuild(layout, server, last[0],
                        changed, staticIndex, out, err))) {
                    watcher.start();
                    out.println("Watching content/, templates/, assets/ and site.properties for changes.");
                    out.flush();
                    server.join();
                }
            } else {
                server.join();
            }
        }
        return 0;
    }

    /**
     * One rebuild after a burst of changes: only the pages a change of content files touches
     * (the page; with a changed header also the pages that list it), else the whole site. On success the server serves it and open pages reload; on
     * failure the problems are printed and the last good build stays served. After a rebuild of
     * some pages, the static index is brought up to date in the background ({@code staticIndex}).
     * Returns the build now served.
     */
    private static SiteBuild.Outcome rebuild(ProjectLayout layout, SiteServer server, SiteBuild.Outcome last,
                                             java.util.Set<java.nio.file.Path> changed, StaticIndexRefresher staticIndex,
                                             java.io.PrintWriter out, java.io.PrintWriter err) {
        staticIndex.changeSeen();
        out.println("Changed: " + changed.stream().map(p -> layout.projectDir().relativize(p).toString())
                .limit(5).collect(java.util.stream.Collectors.joining(", ")) + (changed.size() > 5 ? ", …" : ""));
        out.flush();
        BuildRunner.Result result = (last == null ? java.util.Optional.<BuildRunner.Result>empty()
                : BuildRunner.rebuildPages(layout, last, changed, out, err))
                .orElseGet(() -> staticIndex.fullBuild(() -> BuildRunner.run(layout, true, true, out, err)));
        if (result.exitCode() != 0) {
            return last;
        }
        try {
            SiteModel site = result.outcome().site();
            server.reload(SiteView.served(site, Messages.load(layout.templatesDir(), site.settings().lang()), LocalDate.now()));
        } catch (Exception e) {
            err.println("Rebuilt, but could not serve the new build: " + e.getMessage());
            err.flush();
        }
        staticIndex.submit(new SiteBuild(layout, LocalDate.now()), result.outcome());
        return result.outcome();
    }
}
