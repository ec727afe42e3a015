package dev.segue.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The CI gate: suites/core.yaml, dj.yaml and words.yaml run through the command line against the packaged service
 * (offline) and every threshold must hold. Reports land in target/evals/ci-core/, ci-dj/ and ci-words/. Three more runs
 * prove the gate bites: a deliberately broken variant fails it, and so do a deliberately broken DJ expectation and a
 * broken label threshold. One more shows that the report escapes what prompts hold.
 */
@QuarkusTest
class CoreSuiteEvalTest {

    @Inject
    Instance<CommandLine> commandLine;

    private record Outcome(int exit, String console, Results.Run results) {}

    private Outcome run(String suite, String out) throws IOException, InterruptedException {
        CommandLineRun run =
                CommandLineRun.of(commandLine.get(), suite, "--target", PackagedService.url(), "--out", out);
        Path results = Path.of(out, "results.json");
        return new Outcome(run.exit(), run.console(), Files.exists(results) ? Results.read(results) : null);
    }

    @Test
    void theCoreSuiteHoldsItsThresholds() throws Exception {
        Outcome o = run("suites/core.yaml", "target/evals/ci-core");
        assertEquals(ExitCode.OK, o.exit(), o.console());
        assertTrue(o.results().cases().size() >= 40, "core runs at least 40 cases");
        assertTrue(Files.readString(Path.of("target/evals/ci-core/report.html")).contains("<svg"));
    }

    @Test
    void theDjSuiteHoldsItsThresholds() throws Exception {
        Outcome o = run("suites/dj.yaml", "target/evals/ci-dj");
        assertEquals(ExitCode.OK, o.exit(), o.console());
        // A target without the DJ API skips every case: the gate needs them run.
        assertTrue(o.results().cases().size() >= 9, "dj runs at least 9 cases");
        assertTrue(o.results().cases().stream().noneMatch(c -> c.status() == Results.Status.SKIP), o.console());
    }

    @Test
    void theWordsSuiteHoldsItsThresholdsForEveryCategory() throws Exception {
        Outcome o = run("suites/words.yaml", "target/evals/ci-words");
        assertEquals(ExitCode.OK, o.exit(), o.console());
        assertTrue(o.results().cases().size() >= 60, "words runs at least 60 cases");
        Results.Variant offline = o.results().variants().get(0);
        for (String category : List.of("combo", "typo", "language", "exclusion", "era", "refinement")) {
            String metric = Metrics.byLabel("tag_precision", category);
            assertTrue(offline.metrics().containsKey(metric), metric + " measured: " + offline.metrics());
            assertTrue(
                    offline.gates().stream().anyMatch(g -> g.metric().equals(metric) && g.passed()),
                    metric + " gated: " + offline.gates());
        }
    }

    @Test
    void aDeliberatelyBrokenLabelThresholdFailsTheRun() throws Exception {
        Outcome o = run("src/test/resources/suites/broken-words.yaml", "target/evals/ci-broken-words");
        assertEquals(ExitCode.GATE_FAILED, o.exit(), o.console());
        List<String> failedGates = o.results().variants().get(0).gates().stream()
                .filter(g -> !g.passed())
                .map(Results.Gate::metric)
                .toList();
        assertEquals(List.of("tag_precision@wrong"), failedGates, o.console());
        List<String> failedCases = o.results().cases().stream()
                .filter(c -> c.status() == Results.Status.FAIL)
                .map(Results.CaseRun::caseId)
                .toList();
        assertEquals(List.of("piano-wished"), failedCases, o.console());
        assertTrue(o.console().contains("piano-wished: not_in_intent: still planned: [piano]"), o.console());
    }

    @Test
    void aDeliberatelyBrokenDjExpectationFailsTheRun() throws Exception {
        Outcome o = run("src/test/resources/suites/broken-dj.yaml", "target/evals/ci-broken-dj");
        assertEquals(ExitCode.GATE_FAILED, o.exit(), o.console());
        List<String> failed = o.results().cases().stream()
                .filter(c -> c.status() == Results.Status.FAIL)
                .map(Results.CaseRun::caseId)
                .toList();
        assertEquals(List.of("wrong-direction"), failed, o.console());
        assertTrue(o.console().contains("wrong-direction: pull 2: energy"), o.console());
    }

    @Test
    void aDeliberatelyBrokenVariantFailsTheRun() throws Exception {
        Outcome o = run("src/test/resources/suites/broken-variant.yaml", "target/evals/ci-broken");
        assertEquals(ExitCode.GATE_FAILED, o.exit(), o.console());
        Results.Variant good = o.results().variants().get(0);
        Results.Variant broken = o.results().variants().get(1);
        assertFalse(good.failed(), good.toString());
        assertTrue(
                broken.gates().stream().anyMatch(g -> g.metric().equals("tag_precision") && !g.passed()),
                broken.gates().toString());
        assertTrue(o.console().contains("ignores-prompt: tag_precision"), o.console());
    }

    @Test
    void theReportShowsMarkupAndControlCharactersAsText() throws Exception {
        Outcome o = run("src/test/resources/suites/escaping.yaml", "target/evals/ci-escaping");
        assertEquals(ExitCode.OK, o.exit(), o.console());
        String html = Files.readString(Path.of("target/evals/ci-escaping/report.html"));
        assertTrue(
                html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; calm piano &amp; &#39;strings&#39;"));
        assertTrue(html.contains("calm\\u0000piano\\u0007"), "control characters shown as escapes");
        assertFalse(html.contains("<script>"), "no markup from a prompt reaches the page");
        assertFalse(html.contains(String.valueOf((char) 0)), "no raw NUL in the page");
    }
}
