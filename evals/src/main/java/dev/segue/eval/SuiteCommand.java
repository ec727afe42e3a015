package dev.segue.eval;

import dev.segue.eval.spotify.PersonalisationCommand;
import dev.segue.eval.spotify.PlaylistsSuiteCommand;
import io.quarkus.picocli.runtime.annotations.TopCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code ./evals/run SUITE.yaml [options]}: runs an eval suite against a Segue (one it starts itself unless --target
 * is given), prints a table, writes results.json and report.html, and exits non-zero when a gate fails.
 */
@TopCommand
@Command(
        name = "./evals/run",
        description = "Runs an eval suite against Segue: a table, results.json and report.html; exits non-zero when"
                + " a gate fails. evals/README.md explains suites, options and reports.",
        subcommands = {PlaylistsSuiteCommand.class, PersonalisationCommand.class},
        sortOptions = false,
        usageHelpAutoWidth = true,
        exitCodeOnExecutionException = ExitCode.USAGE_OR_SETUP,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every gate holds",
            "1:a threshold or baseline gate failed",
            "2:bad usage, bad suite or no service",
            "3:nothing ran (every case skipped), or something was skipped and --fail-on-skip was given"
        })
public class SuiteCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "SUITE.yaml", description = "the suite, e.g. evals/suites/core.yaml")
    Path suite;

    @Option(
            names = "--target",
            paramLabel = "URL",
            description = "evaluate a running Segue (default: start one from the packaged jar on a free port)")
    String target;

    @Option(
            names = "--variants",
            split = ",",
            paramLabel = "a,b",
            hideParamSyntax = true, // "--variants=a,b", not picocli's "--variants=a,b[,a,b...]..."
            description = "run only these of the suite's variants (default: all)")
    List<String> variants;

    @Option(
            names = "--baseline",
            paramLabel = "FILE",
            description = "a results.json (or its folder) from an earlier run: fail when a quality metric drops by"
                    + " more than the tolerance")
    Path baseline;

    @Option(
            names = "--tolerance",
            paramLabel = "X",
            description = "allowed drop against the baseline, absolute on 0..1 (default: the suite's, else 0.02)")
    Double tolerance;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            converter = AtLeastOne.class,
            description = "cases in flight at once (default 4; 1 with --record, so a recording follows the suite's"
                    + " order)")
    Integer concurrency;

    @Option(
            names = "--repeats",
            paramLabel = "N",
            defaultValue = "1",
            converter = AtLeastOne.class,
            description = "run every case N times (default ${DEFAULT-VALUE})")
    int repeats;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "where results.json and report.html go (default target/evals/<time>-<suite>)")
    Path out;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "data dir of the local Segue (default data/evals-<catalog>: data/evals-demo for the demo"
                    + " catalog, apart from the ./data of a ./segue that may be running)")
    Path dataDir;

    @Option(
            names = "--timeout",
            paramLabel = "S",
            defaultValue = "120",
            converter = AtLeastOne.class,
            description = "seconds to wait for one request (default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(
            names = "--record",
            paramLabel = "DIR",
            description = "record every exchange between the local Segue and its LLM provider (SEGUE_LLM_BASE_URL,"
                    + " ...) into DIR: requests without keys, responses, in order (evals/recordings/README.md)")
    Path record;

    @Option(
            names = "--replay",
            paramLabel = "DIR",
            description = "answer the local Segue from the recording in DIR instead of a provider (default variants:"
                    + " the recorded ones); exit 4 when its requests are not the recorded ones")
    Path replay;

    @Option(
            names = "--prompts",
            paramLabel = "DIR",
            description = "the prompt files the local Segue reads (default: prompts/ in the working directory, else"
                    + " the copies in its jar)")
    Path prompts;

    @Option(
            names = "--fail-on-skip",
            description = "exit 3 when a variant or case was skipped (default: skips are reported, exit 0)")
    boolean failOnSkip;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            // and for every subcommand: their help lists it last, after their own options
            scope = ScopeType.INHERIT,
            description = "show this help")
    boolean help;

    @Spec
    CommandSpec spec;

    private final SuiteEvaluation evaluation;

    SuiteCommand(SuiteEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    @Override
    public Integer call() {
        if (suite == null) {
            throw new ParameterException(spec.commandLine(), "give a suite file, e.g. evals/suites/core.yaml");
        }
        if (!Files.isRegularFile(suite)) {
            throw new ParameterException(spec.commandLine(), "no suite file at " + suite);
        }
        checkLocalOnly();
        List<String> names = variants == null
                ? null
                : variants.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        SuiteEvaluation.Options options = new SuiteEvaluation.Options(
                suite,
                target,
                names,
                baseline,
                tolerance,
                concurrency != null ? concurrency : record != null ? 1 : 4,
                repeats,
                out,
                dataDir,
                timeoutSeconds,
                failOnSkip,
                new SuiteEvaluation.Provider(record, replay, prompts));
        PrintWriter err = spec.commandLine().getErr();
        try {
            return evaluation.run(options, spec.commandLine().getOut());
        } catch (SuiteLoader.SuiteException | IOException e) {
            err.println("evals: " + e.getMessage());
            return ExitCode.USAGE_OR_SETUP;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("evals: interrupted");
            return ExitCode.USAGE_OR_SETUP;
        }
    }

    /** Recording, replaying and prompt files set up the Segue the runner starts, so they cannot go with --target. */
    private void checkLocalOnly() {
        if (record != null && replay != null) {
            throw new ParameterException(spec.commandLine(), "--record and --replay exclude each other");
        }
        String local = record != null ? "--record" : replay != null ? "--replay" : prompts != null ? "--prompts" : null;
        if (local != null && target != null) {
            throw new ParameterException(
                    spec.commandLine(), local + " sets up the Segue the runner starts, so it cannot go with --target");
        }
    }

    /** Counts and seconds: a whole number of at least 1. */
    public static final class AtLeastOne implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("not a whole number: " + value);
            }
            if (n < 1) {
                throw new TypeConversionException("must be at least 1, got " + n);
            }
            return n;
        }
    }
}
