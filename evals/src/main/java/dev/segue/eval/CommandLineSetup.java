package dev.segue.eval;

import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** The command line as Quarkus builds it, with one change: a usage mistake prints one line and where help is. */
@ApplicationScoped
class CommandLineSetup {

    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory) {
        return factory.create().setParameterExceptionHandler(CommandLineSetup::usageMistake);
    }

    private static int usageMistake(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("evals: " + e.getMessage());
        err.println("(" + command.getCommandSpec().qualifiedName() + " --help lists the options)");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }
}
