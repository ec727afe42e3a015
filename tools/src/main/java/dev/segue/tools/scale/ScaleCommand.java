package dev.segue.tools.scale;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code scale}: the scale benchmark (tools/bench/README.md, "Scale benchmark"). */
@Command(
        name = "scale",
        description = "The scale benchmark: synthetic catalogs of N tracks, ingested, served and measured.",
        subcommands = {GenerateCommand.class, ScaleRunCommand.class})
public final class ScaleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** No subcommand named: show which there are, and fail like any other incomplete command line. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
