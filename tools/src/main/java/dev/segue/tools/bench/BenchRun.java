package dev.segue.tools.bench;

import java.time.OffsetDateTime;
import java.util.List;

/** Everything a report says about one run: how it was asked for, and what each phase measured. */
record BenchRun(
        BenchOptions options,
        String command,
        int promptCount,
        OffsetDateTime started,
        int warmupErrors,
        List<PhaseStats> phases) {

    int errors() {
        return phases.stream().mapToInt(PhaseStats::errors).sum();
    }
}
