package no.rusplan.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Validates content/, bakes the site into target/site/ and writes the search index to search-index/.",
                "On any problem nothing is published: the previous site and index stay as they were."})
final class BuildCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions project;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return BuildRunner.run(project.layout(), true, spec.commandLine().getOut(), spec.commandLine().getErr()).exitCode();
    }
}
