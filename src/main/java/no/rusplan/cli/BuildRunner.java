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
        SiteBuild build = new SiteBuild(layout, LocalDate.now()).withProgress(Progress.to(out)).withLiveReload(liveReload)
                .withModelReads(liveReload);
        try {
            SiteBuild.Outcome outcome = publish ? build.build() : build.check();
            if (outcome.upToDate()) {
                out.printf("Up to date: the site and index were built from these very files (%d pages), in %.1f s%n",
                        outcome.files().size(), outcome.time().toMillis() / 1000.0);
            } else {
                out.printf("%s %d pages, indexed %d, in %.1f s (%s)%n", publish ? "Built" : "Checked",
                        outcome.pages(), outcome.indexed(), outcome.time().toMillis() / 1000.0, outcome.phases());
            }
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
        } catch (ContentProblemsException | BakeException | java.io.IOException | RuntimeException e) {
            return failed(layout, e, err);
        }
    }

    /**
     * {@code serve --watch}: rebuilds only the changed pages when their headers are unchanged
     * ({@link SiteBuild#rebuildPages}); empty when the change needs a full build.
     */
    static java.util.Optional<Result> rebuildPages(ProjectLayout layout, SiteBuild.Outcome previous,
                                                   java.util.Set<java.nio.file.Path> changed, PrintWriter out, PrintWriter err) {
        try {
            java.util.Optional<SiteBuild.Outcome> outcome = new SiteBuild(layout, LocalDate.now()).withLiveReload(true)
                    .withModelReads(true).rebuildPages(previous, changed);
            outcome.ifPresent(o -> {
                out.printf("Rebuilt %d page(s), indexed %d, in %.2f s (%s)%n", o.pages(), o.indexed(),
                        o.time().toNanos() / 1e9, o.phases());
                out.flush();
            });
            return outcome.map(o -> new Result(o, 0));
        } catch (ContentProblemsException | BakeException | java.io.IOException | RuntimeException e) {
            return java.util.Optional.of(failed(layout, e, err));
        }
    }

    private static Result failed(ProjectLayout layout, Exception e, PrintWriter err) {
        if (e instanceof ContentProblemsException problems) {
            for (Problem problem : problems.problems()) {
                err.println(relative(layout, problem));
            }
            err.println(problems.problems().size() + " problem(s); nothing was published.");
            err.flush();
            return new Result(null, CONTENT_ERROR);
        }
        if (e instanceof RuntimeException) {
            err.println("Build failed with an internal error (a bug in Rusplan; please report it):");
            e.printStackTrace(err);
        } else {
            err.println("Build failed: " + e.getMessage());
        }
        err.println("Nothing was published.");
        err.flush();
        return new Result(null, BUILD_ERROR);
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
