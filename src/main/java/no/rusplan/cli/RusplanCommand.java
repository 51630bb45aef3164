package no.rusplan.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rusplan build | serve | check}. */
@Command(name = "rusplan", mixinStandardHelpOptions = true, version = "rusplan 0.1.0",
        description = "Builds a municipality's substance-abuse action plan and help offers into a searchable website.",
        subcommands = {BuildCommand.class, ServeCommand.class, CheckCommand.class, CommandLine.HelpCommand.class})
public final class RusplanCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (for tests and {@link #main}). */
    public static int run(String... args) {
        return new CommandLine(new RusplanCommand()).execute(args);
    }
}
