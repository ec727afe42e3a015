package dev.segue.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.segue.eval.Results.CaseRun;
import dev.segue.eval.Results.Check;
import dev.segue.eval.Results.Gate;
import dev.segue.eval.Results.Status;
import dev.segue.eval.Results.Turn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thresholds, baselines and known issues turn metrics into pass/fail as evals/README.md says. */
class GatesTest {

    @TempDir
    Path dir;

    private static final Suite.Variant VARIANT =
            new Suite.Variant("offline", "", JsonNodeFactory.instance.objectNode(), null, null, Map.of());

    private static CaseRun caseRun(String id, double precision, String knownIssue) {
        return caseRun(id, precision, knownIssue, List.of());
    }

    private static CaseRun caseRun(String id, double precision, String knownIssue, List<String> labels) {
        boolean pass = precision >= 0.8;
        Turn turn = new Turn(
                0,
                null,
                "p",
                null,
                201,
                10,
                null,
                List.of(Check.of("tags", pass, "", precision)),
                Map.of("tag_precision", precision));
        return new CaseRun(id, "offline", 0, pass ? Status.PASS : Status.FAIL, null, knownIssue, labels, List.of(turn));
    }

    private static Suite suite(Map<String, Threshold> thresholds) {
        return new Suite(
                "s", "", Path.of("s.yaml"), Suite.CatalogSpec.DEMO, List.of(VARIANT), thresholds, 0.02, List.of());
    }

    @Test
    void knownIssuesStayOutOfThePassRateButInTheMeans() {
        List<CaseRun> runs = List.of(caseRun("a", 1.0, null), caseRun("b", 0.1, "a known planner bug"));
        Map<String, Double> metrics = Metrics.of(runs);
        assertEquals(1.0, metrics.get("pass_rate"));
        assertEquals(0.55, metrics.get("tag_precision"), 1e-9);
        assertEquals(1.0, metrics.get("known_issues"));
    }

    @Test
    void eachLabelHasItsOwnMetricsAndThresholdsGateThem() {
        List<CaseRun> runs = List.of(
                caseRun("a", 1.0, null, List.of("typo")),
                caseRun("b", 0.2, "item 2", List.of("typo", "language")),
                caseRun("c", 0.9, null, List.of("language")));
        Map<String, Double> metrics = Metrics.of(runs);
        assertEquals(0.6, metrics.get("tag_precision@typo"), 1e-9); // the known issue is in the mean
        assertEquals(1.0, metrics.get("pass_rate@typo")); // and out of the pass rate
        assertEquals(0.55, metrics.get("tag_precision@language"), 1e-9);
        assertEquals(0.7, metrics.get("tag_precision"), 1e-9);

        EvalRunner.VariantRun run = new EvalRunner.VariantRun(VARIANT, "http://x", null, runs);
        Results.Variant judged = Gates.judge(
                suite(Map.of(
                        "tag_precision@typo",
                        new Threshold("tag_precision@typo", true, 0.6),
                        "tag_precision@language",
                        new Threshold("tag_precision@language", true, 0.6))),
                run,
                null,
                0.02,
                new ArrayList<>());
        Map<String, Boolean> passed = new HashMap<>();
        judged.gates().forEach(g -> passed.put(g.metric(), g.passed()));
        assertEquals(Map.of("tag_precision@typo", true, "tag_precision@language", false), passed);
    }

    @Test
    void thresholdsAndBaselineRegressions() throws IOException {
        EvalRunner.VariantRun run = new EvalRunner.VariantRun(
                VARIANT, "http://x", null, List.of(caseRun("a", 0.9, null), caseRun("b", 0.85, null)));
        List<String> notes = new ArrayList<>();
        Results.Variant now = Gates.judge(
                suite(Map.of(
                        "pass_rate",
                        SuiteLoader.DEFAULT_PASS_RATE,
                        "tag_precision",
                        new Threshold("tag_precision", true, 0.8))),
                run,
                null,
                0.02,
                notes);
        assertFalse(now.failed(), now.gates().toString());

        Results.Run baseline = new Results.Run(
                "s",
                "s.yaml",
                "",
                "",
                1,
                "http://x",
                1,
                1,
                null,
                List.of(new Results.Variant(
                        "offline", "", null, null, null, Map.of("tag_precision", 0.95, "pass_rate", 1.0), List.of())),
                List.of(),
                List.of(),
                0);
        Path file = dir.resolve("results.json");
        Json.JSON.writeValue(file.toFile(), baseline);
        Results.Variant compared = Gates.judge(suite(Map.of()), run, Results.read(dir), 0.02, notes);
        Gate precision = compared.gates().stream()
                .filter(g -> g.metric().equals("tag_precision"))
                .findFirst()
                .orElseThrow();
        assertFalse(precision.passed(), "0.875 is more than 0.02 below the baseline's 0.95");
        assertEquals(0.95, precision.baseline());
        List<Gate> passRate = compared.gates().stream()
                .filter(g -> g.metric().equals("pass_rate"))
                .toList();
        assertFalse(passRate.isEmpty(), compared.gates().toString());
        assertTrue(passRate.stream().allMatch(Gate::passed), passRate.toString());
        List<Gate> looser = Gates.judge(suite(Map.of()), run, Results.read(file), 0.1, notes)
                .gates();
        assertFalse(looser.isEmpty(), "the baseline gates are there");
        assertTrue(looser.stream().allMatch(Gate::passed), "within a looser tolerance: " + looser);
    }

    @Test
    void aFallbackToAnotherPlannerIsNoted() throws IOException {
        Suite.Variant llm = new Suite.Variant(
                "llm", "", (ObjectNode) Json.JSON.readTree("{\"planner\": \"llm\"}"), null, null, Map.of());
        Turn fellBack = new Turn(
                0,
                null,
                "p",
                null,
                201,
                10,
                Json.JSON.readTree("{\"planner\": \"offline\", \"tracks\": []}"),
                List.of(),
                Map.of());
        List<String> notes = new ArrayList<>();
        Gates.judge(
                suite(Map.of()),
                new EvalRunner.VariantRun(
                        llm,
                        "http://x",
                        null,
                        List.of(new CaseRun("a", "llm", 0, Status.PASS, null, null, List.of(), List.of(fellBack)))),
                null,
                0.02,
                notes);
        assertTrue(
                notes.stream().anyMatch(n -> n.startsWith("llm: 1 of 1 playlists came from another planner")),
                notes.toString());
    }

    @Test
    void aSkippedVariantHasNoGates() {
        EvalRunner.VariantRun run = new EvalRunner.VariantRun(VARIANT, "http://x", "no LLM configured", List.of());
        Results.Variant v = Gates.judge(
                suite(Map.of("pass_rate", SuiteLoader.DEFAULT_PASS_RATE)), run, null, 0.02, new ArrayList<>());
        assertEquals("no LLM configured", v.skipped());
        assertFalse(v.failed());
    }
}
