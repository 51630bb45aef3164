package no.rusplan.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import no.rusplan.bake.BakeException;
import no.rusplan.build.ProjectLayout;
import no.rusplan.build.Progress;
import no.rusplan.build.SiteBuild;
import no.rusplan.content.ContentProblemsException;
import no.rusplan.content.Problem;

/**
 * Runs a build or check for a command and reports the way authors need: every content
 * problem as {@code file:line: message} on stderr, no stack traces, exit code 1.
 */
final class BuildRunner {
    static final int CONTENT_ERROR = 1;
    static final int BUILD_ERROR = 2;

    private BuildRunner() {
    }

    /** Returns the outcome, or null after reporting a failure (see {@link #exitCode}). */
    static Result run(ProjectLayout layout, boolean publish, PrintWriter out, PrintWriter err) {
        return run(layout, publish, false, out, err);
    }

    /** @param liveReload bake pages that reload themselves ({@code serve --watch}) */
    static Result run(ProjectLayout layout, boolean publish, boolean liveReload, PrintWriter out, PrintWriter err) {
        SiteBuild build = new SiteBuild(layout, LocalDate.now()).withProgress(Progress.to(out)).withLiveReload(liveReload);
        try {
            SiteBuild.Outcome outcome = publish ? build.build() : build.check();
            out.printf("%s %d pages, indexed %d, in %.1f s (%s)%n", publish ? "Built" : "Checked",
                    outcome.pages(), outcome.indexed(), outcome.time().toMillis() / 1000.0, outcome.phases());
            if (publish) {
                if (!outcome.warnings().isEmpty()) {
                    out.println(outcome.warnings().size() + " help offer(s) were last verified more than "
                            + outcome.site().settings().verifiedMaxAgeMonths() + " months ago ('check' lists them).");
                }
            } else {
                outcome.warnings().forEach(w -> out.println(relative(layout, w)));
            }
            if (publish) {
                out.println("Site: " + layout.projectDir().relativize(layout.siteDir())
                        + "/  Index: " + layout.projectDir().relativize(layout.indexDir()) + "/");
            }
            out.flush();
            return new Result(outcome, 0);
        } catch (ContentProblemsException e) {
            for (Problem problem : e.problems()) {
                err.println(relative(layout, problem));
            }
            err.println(e.problems().size() + " problem(s); nothing was published.");
            err.flush();
            return new Result(null, CONTENT_ERROR);
        } catch (BakeException | java.io.IOException e) {
            err.println("Build failed: " + e.getMessage());
            err.println("Nothing was published.");
            err.flush();
            return new Result(null, BUILD_ERROR);
        } catch (RuntimeException e) {
            err.println("Build failed with an internal error (a bug in Rusplan; please report it):");
            e.printStackTrace(err);
            err.println("Nothing was published.");
            err.flush();
            return new Result(null, BUILD_ERROR);
        }
    }

    private static String relative(ProjectLayout layout, Problem problem) {
        java.nio.file.Path file = problem.file().toAbsolutePath().normalize();
        if (file.startsWith(layout.projectDir())) {
            file = layout.projectDir().relativize(file);
        }
        return new Problem(file, problem.line(), problem.message()).toString();
    }

    record Result(SiteBuild.Outcome outcome, int exitCode) {
    }
}
