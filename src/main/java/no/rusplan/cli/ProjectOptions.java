package no.rusplan.cli;

import java.nio.file.Path;
import no.rusplan.build.ProjectLayout;
import picocli.CommandLine.Option;

/** Options every command shares. */
final class ProjectOptions {
    @Option(names = {"-p", "--project"}, paramLabel = "DIR", defaultValue = ".",
            description = "The project folder (with content/, templates/, assets/). Default: current folder.")
    Path project;

    ProjectLayout layout() {
        return ProjectLayout.of(project);
    }
}
