package dev.segue.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What a run produced, as written to results.json and read back as a baseline. Plain records. */
public final class Results {

    private Results() {}

    /** A results.json (or the folder holding one) from an earlier run, e.g. a baseline. */
    public static Run read(Path fileOrFolder) throws IOException {
        Path file = Files.isDirectory(fileOrFolder) ? fileOrFolder.resolve("results.json") : fileOrFolder;
        if (!Files.isRegularFile(file)) {
            throw new IOException("baseline " + file + " does not exist");
        }
        return Json.JSON.readValue(file.toFile(), Run.class);
    }

    /** SKIP: the check could not run here (no judge configured); ERROR: it ran and broke (the judge failed). */
    public enum Status {
        PASS,
        FAIL,
        SKIP,
        ERROR;

        /** A failed or broken check: the case does not pass. */
        public boolean bad() {
            return this == FAIL || this == ERROR;
        }
    }

    /** PASS when no check of any turn failed or broke, else FAIL. */
    static Status outcome(List<Turn> turns) {
        boolean bad = turns.stream()
                .flatMap(t -> t.checks().stream())
                .anyMatch(c -> c.status().bad());
        return bad ? Status.FAIL : Status.PASS;
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

        static Check error(String name, String detail) {
            return new Check(name, Status.ERROR, detail, null);
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

        /** A case that ran under the variant: PASS unless a check of one of its turns failed or broke. */
        static CaseRun ran(Suite.Case c, Suite.Variant variant, int repeat, List<Turn> turns) {
            return of(c, variant, repeat, outcome(turns), null, turns);
        }

        /** A case that could not run (or not finish) under the variant, with why and the turns it did get. */
        static CaseRun skipped(Suite.Case c, Suite.Variant variant, int repeat, String why, List<Turn> turns) {
            return of(c, variant, repeat, Status.SKIP, why, turns);
        }

        private static CaseRun of(
                Suite.Case c, Suite.Variant variant, int repeat, Status status, String skipped, List<Turn> turns) {
            String knownIssue = c.knownIssue(variant.name());
            return new CaseRun(
                    c.id(), variant.name(), repeat, status, skipped, knownIssue, c.labels(), List.copyOf(turns));
        }

        public boolean countsForPassRate() {
            return status != Status.SKIP && knownIssue == null;
        }

        /** The first check that failed or broke, as "step: check: detail"; empty when none did. */
        public String firstFailure() {
            for (Turn t : turns) {
                for (Check c : t.checks()) {
                    if (c.status().bad()) {
                        return (t.step() == null ? "" : t.step() + ": ") + c.name() + ": " + c.detail();
                    }
                }
            }
            return "";
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
