package dev.segue.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** What a run produced, as written to results.json and read back as a baseline. Plain records, nothing computed here. */
public final class Results {

    private Results() {}

    public enum Status {
        PASS,
        FAIL,
        SKIP
    }

    /** One assertion on one turn; {@code value} is the measured number where there is one (precision, ms, ...). */
    public record Check(String name, Status status, String detail, Double value) {

        static Check pass(String name, String detail, Double value) {
            return new Check(name, Status.PASS, detail, value);
        }

        static Check fail(String name, String detail, Double value) {
            return new Check(name, Status.FAIL, detail, value);
        }

        static Check skip(String name, String detail) {
            return new Check(name, Status.SKIP, detail, null);
        }

        static Check of(String name, boolean ok, String detail, Double value) {
            return new Check(name, ok ? Status.PASS : Status.FAIL, detail, value);
        }
    }

    /**
     * One request: what was sent, what came back (the playlist with its trace, a DJ segment, or the problem body) and
     * the checks. {@code step} names a DJ step as reports show it (open, pull 2, request, ...); null for playlists.
     */
    public record Turn(
            int index,
            String step,
            String prompt,
            JsonNode request,
            int httpStatus,
            double latencyMs,
            JsonNode response,
            List<Check> checks,
            Map<String, Double> metrics) {}

    /**
     * One case under one variant, one repeat. {@code skipped} says why when it did not run; {@code knownIssue} is
     * the suite's note for a case expected to fail (it does not count against pass_rate).
     */
    public record CaseRun(
            String caseId,
            String variant,
            int repeat,
            Status status,
            String skipped,
            String knownIssue,
            List<String> labels,
            List<Turn> turns) {

        public boolean countsForPassRate() {
            return status != Status.SKIP && knownIssue == null;
        }
    }

    /** A threshold or a baseline comparison, evaluated for one variant. */
    public record Gate(String metric, String kind, String rule, double actual, Double baseline, boolean passed) {}

    public record Variant(
            String name,
            String description,
            JsonNode options,
            String target,
            String skipped,
            Map<String, Double> metrics,
            List<Gate> gates) {

        public boolean failed() {
            return gates.stream().anyMatch(g -> !g.passed());
        }
    }

    public record Run(
            String suite,
            String suiteFile,
            String description,
            String startedAt,
            double seconds,
            String target,
            int repeats,
            int concurrency,
            String baselineFile,
            List<Variant> variants,
            List<CaseRun> cases,
            List<String> notes,
            int exitCode) {}
}
