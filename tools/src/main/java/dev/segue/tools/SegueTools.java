package dev.segue.tools;

import dev.segue.tools.bench.BenchCommand;
import dev.segue.tools.dj.DjClientCommand;
import dev.segue.tools.experiments.SimulateCommand;
import dev.segue.tools.fakellm.FakeLlmCommand;
import dev.segue.tools.loadtest.LoadTestCommand;
import dev.segue.tools.scale.ScaleCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The tools' one entry point: {@code java -jar tools/target/segue-tools.jar <tool> [options]}. The launchers next to
 * each tool's README (tools/bench/run, tools/bench/load-test, tools/bench/fake-llm, tools/dj/client) call it.
 */
@Command(
        name = "segue-tools",
        mixinStandardHelpOptions = true,
        // Every tool gets -h/--help and -V/--version from here.
        scope = ScopeType.INHERIT,
        version = "segue-tools 0.1.0",
        description = "Measuring tools for the Segue service.",
        subcommands = {
            BenchCommand.class,
            LoadTestCommand.class,
            FakeLlmCommand.class,
            DjClientCommand.class,
            SimulateCommand.class,
            ScaleCommand.class,
            HelpCommand.class
        })
public final class SegueTools implements Callable<Integer> {

    /** Exit code for a failure while running (an unexpected answer, an I/O error), as an uncaught exception gave. */
    static final int RUN_FAILED = 1;

    /** Exit code for bad options, as every tool used before picocli. */
    static final int BAD_OPTIONS = 2;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line: tests run tools through it exactly as the jar does. */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new SegueTools());
        // A one-line reason and a pointer to --help, like the tools' own parsers said, instead of the whole usage.
        line.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println(failed.getCommandName() + ": " + e.getMessage());
            failed.getErr().println("Try --help.");
            failed.getErr().flush();
            return BAD_OPTIONS;
        });
        // A failed run says why in one line; the stack trace only helps the tools' developers.
        line.setExecutionExceptionHandler((e, failed, parseResult) -> {
            failed.getErr().println(failed.getCommandName() + ": " + describe(e));
            failed.getErr().flush();
            return RUN_FAILED;
        });
        return line;
    }

    /** Our own failures say what happened; for the JDK's (ConnectException, HttpTimeoutException) the class does. */
    private static String describe(Exception e) {
        if (e instanceof IllegalStateException && e.getMessage() != null) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
    }

    @Spec
    CommandSpec spec;

    /** No tool named: show which there are, and fail like any other incomplete command line. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return BAD_OPTIONS;
    }
}
