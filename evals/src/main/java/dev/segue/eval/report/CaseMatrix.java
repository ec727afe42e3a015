package dev.segue.eval.report;

import dev.segue.eval.Format;
import dev.segue.eval.Results;
import dev.segue.eval.Results.CaseRun;
import dev.segue.eval.Results.Status;
import dev.segue.eval.Results.Turn;
import dev.segue.eval.report.ReportView.Cell;
import dev.segue.eval.report.ReportView.Matrix;
import dev.segue.eval.report.ReportView.MatrixRow;
import java.util.ArrayList;
import java.util.List;

/** The case × variant matrix: passed runs over runs, the first measured turn's main metric, and regressions (▼). */
final class CaseMatrix {

    private CaseMatrix() {}

    static Matrix of(Results.Run run, Results.Run baseline) {
        List<MatrixRow> rows = new ArrayList<>();
        for (String caseId : caseIds(run)) {
            CaseRun any = run.cases().stream()
                    .filter(c -> c.caseId().equals(caseId))
                    .findFirst()
                    .orElseThrow();
            List<Cell> cells = run.variants().stream()
                    .map(v -> cell(runsOf(run, caseId, v.name()), baseline, caseId, v.name()))
                    .toList();
            rows.add(new MatrixRow(
                    caseId,
                    anchor(caseId),
                    String.join(", ", any.labels()),
                    abbreviate(promptOf(run, caseId), 90),
                    cells));
        }
        return new Matrix(run.variants().stream().map(Results.Variant::name).toList(), rows);
    }

    private static Cell cell(List<CaseRun> runs, Results.Run baseline, String caseId, String variant) {
        if (runs.isEmpty()) {
            return new Cell("SKIP", "–");
        }
        long passed = runs.stream().filter(c -> c.status() == Status.PASS).count();
        boolean skipped = runs.stream().allMatch(c -> c.status() == Status.SKIP);
        String cls =
                skipped ? "SKIP" : passed == runs.size() ? "PASS" : runs.get(0).knownIssue() != null ? "KNOWN" : "FAIL";
        String metric = mainMetric(runs.get(0));
        boolean flipped = baseline != null
                && cls.equals("FAIL")
                && runsOf(baseline, caseId, variant).stream().anyMatch(c -> c.status() == Status.PASS);
        String text = (skipped ? "skip" : passed + "/" + runs.size())
                + (metric == null ? "" : " · " + metric)
                + (flipped ? " ▼" : "");
        return new Cell("num " + cls, text);
    }

    /** The first turn's main metric; a DJ script's first step measures nothing, so the first turn that does. */
    private static String mainMetric(CaseRun run) {
        for (Turn t : run.turns()) {
            for (String key : List.of("tag_precision", "r_precision", "rubric_score")) {
                if (t.metrics().containsKey(key)) {
                    return Format.metric(key, t.metrics().get(key));
                }
            }
        }
        return null;
    }

    static List<String> caseIds(Results.Run run) {
        return run.cases().stream().map(CaseRun::caseId).distinct().toList();
    }

    static List<CaseRun> runsOf(Results.Run run, String caseId, String variant) {
        return run.cases().stream()
                .filter(c -> c.caseId().equals(caseId) && c.variant().equals(variant))
                .toList();
    }

    static String promptOf(Results.Run run, String caseId) {
        return run.cases().stream()
                .filter(c -> c.caseId().equals(caseId) && !c.turns().isEmpty())
                .map(c -> c.turns().get(0).prompt())
                .findFirst()
                .orElse("");
    }

    static String anchor(String caseId) {
        return "case-" + caseId.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "… (" + text.length() + " chars)";
    }
}
