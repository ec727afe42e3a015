package dev.segue.tools.bench;

import dev.segue.tools.common.PromptFile;
import dev.segue.tools.common.ReportFiles;
import dev.segue.tools.common.ServiceUrl;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** What one bench run does; the names and defaults are the ones the reports quoted in the README were made with. */
public final class BenchOptions {

    @Mixin
    ServiceUrl service;

    @Option(
            names = "--prompts",
            paramLabel = "FILE",
            defaultValue = PromptFile.DEFAULT,
            description = "one prompt per line, '#' comments and blank lines ignored (default ${DEFAULT-VALUE})")
    Path prompts;

    @Option(
            names = "--rounds",
            paramLabel = "N",
            defaultValue = "5",
            description = "sequential phase: every prompt N times, one at a time (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(
            names = "--concurrency",
            paramLabel = "C",
            defaultValue = "8",
            description = "concurrent phase: C worker threads (default ${DEFAULT-VALUE})")
    int concurrency;

    @Option(
            names = "--requests",
            paramLabel = "M",
            defaultValue = "1000",
            description = "concurrent phase: total requests (default ${DEFAULT-VALUE})")
    int requests;

    @Option(
            names = "--warmup",
            paramLabel = "N",
            defaultValue = "2",
            description = "unrecorded rounds over all prompts before measuring (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = ReportFiles.DEFAULT_DIR,
            description = "where reports are written (default ${DEFAULT-VALUE})")
    Path out;

    @Option(
            names = "--label",
            paramLabel = "TEXT",
            description = "free text recorded in the report (git commit, planner, ...)")
    String label;

    /** Picocli checks types; these are the ranges that make a run meaningful. */
    void validate(CommandLine command) {
        atLeast(command, "--rounds", rounds, 0);
        atLeast(command, "--concurrency", concurrency, 1);
        atLeast(command, "--requests", requests, 0);
        atLeast(command, "--warmup", warmup, 0);
    }

    private static void atLeast(CommandLine command, String name, int value, int min) {
        if (value < min) {
            throw new ParameterException(command, name + " must be >= " + min + ", got " + value);
        }
    }

    public String url() {
        return service.url();
    }

    public Path prompts() {
        return prompts;
    }

    public int rounds() {
        return rounds;
    }

    public int concurrency() {
        return concurrency;
    }

    public int requests() {
        return requests;
    }

    public int warmup() {
        return warmup;
    }

    public Path out() {
        return out;
    }

    /** Null when not given. */
    public String label() {
        return label;
    }

    /** The invocation as a reader can repeat it, quoted for a POSIX shell where needed. */
    static String command(List<String> args) {
        return "tools/bench/run"
                + args.stream().map(arg -> " " + shellQuote(arg)).collect(Collectors.joining());
    }

    private static String shellQuote(String arg) {
        return arg.matches("[\\w./:=@,+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
