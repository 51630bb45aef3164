package no.rusplan.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validates content and internal links (a full build, then discarded); publishes nothing.")
final class CheckCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions project;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return BuildRunner.run(project.layout(), false, spec.commandLine().getOut(), spec.commandLine().getErr()).exitCode();
    }
}
