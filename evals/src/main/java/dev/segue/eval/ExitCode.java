package dev.segue.eval;

import dev.segue.eval.Results.CaseRun;
import dev.segue.eval.Results.Status;
import java.util.List;

/** The runner's exit codes (evals/README.md), and the one a run ends with. */
public final class ExitCode {

    public static final int OK = 0;
    public static final int GATE_FAILED = 1;
    public static final int USAGE_OR_SETUP = 2;
    public static final int SKIPPED = 3;
    public static final int REPLAY_DRIFTED = 4;

    private ExitCode() {}

    /**
     * A failed gate first; then a run that evaluated nothing at all (every variant or case skipped, e.g. a suite
     * without its data) is SKIPPED, never a pass; other skips only with {@code --fail-on-skip}.
     */
    static int of(List<Results.Variant> variants, List<CaseRun> cases, boolean failOnSkip) {
        if (variants.stream().anyMatch(Results.Variant::failed)) {
            return GATE_FAILED;
        }
        if (nothingRan(cases)) {
            return SKIPPED;
        }
        boolean skipped = variants.stream().anyMatch(v -> v.skipped() != null)
                || cases.stream().anyMatch(c -> c.status() == Status.SKIP);
        return skipped && failOnSkip ? SKIPPED : OK;
    }

    /** True also when there are no case runs at all: every variant was skipped. */
    static boolean nothingRan(List<CaseRun> cases) {
        return cases.stream().noneMatch(c -> c.status() != Status.SKIP);
    }

    /** The last line a run prints. */
    static String verdict(Results.Run run) {
        return verdict(run.exitCode(), run.cases());
    }

    static String verdict(int exitCode, List<CaseRun> cases) {
        return switch (exitCode) {
            case OK -> "PASS";
            case REPLAY_DRIFTED ->
                "DRIFTED: requests differ from the recording, so its answers do not apply; re-record (exit 4)";
            case SKIPPED ->
                nothingRan(cases)
                        ? "SKIPPED: every case was skipped, nothing was evaluated (exit 3)"
                        : "SKIPPED (--fail-on-skip)";
            default -> "FAIL (exit " + exitCode + ")";
        };
    }
}
