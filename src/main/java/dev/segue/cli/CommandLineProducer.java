package dev.segue.cli;

import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import picocli.CommandLine;

/** The command line of {@link SegueCommand}, as Quarkus' picocli guide customises it. */
@ApplicationScoped
class CommandLineProducer {

    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory) {
        return factory.create()
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(CommandLineProducer::report);
    }

    /** A command that fails says why in one line (a stack trace helps no one who typed a wrong path) and exits 1. */
    private static int report(Exception failure, CommandLine command, CommandLine.ParseResult parsed) {
        command.getErr().println("segue " + command.getCommandName() + ": " + failure.getMessage());
        return 1;
    }
}
