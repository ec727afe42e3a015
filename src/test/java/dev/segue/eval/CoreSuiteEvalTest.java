package dev.segue.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The CI gate: evals/suites/core.yaml and dj.yaml run against this build (in-process, offline) and every threshold
 * must hold. Reports land in target/evals/ci-core/ and ci-dj/. Two more runs prove the gate bites: a deliberately
 * broken variant fails it, and so does a deliberately broken DJ expectation.
 */
@QuarkusTest
class CoreSuiteEvalTest {

    @TestHTTPResource("/")
    URL service;

    private record Outcome(int exit, String console, Results.Run results) {}

    private Outcome run(String suite, String out, String... more) throws IOException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(console, true, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of(suite, "--target", service.toString(), "--out", out));
        args.addAll(List.of(more));
        int exit = EvalCli.run(args.toArray(String[]::new), Map.of(), print, print);
        String text = console.toString(StandardCharsets.UTF_8);
        System.out.println(text);
        Path results = Path.of(out, "results.json");
        return new Outcome(exit, text, Files.exists(results) ? EvalCli.readBaseline(results) : null);
    }

    @Test
    void theCoreSuiteHoldsItsThresholds() throws IOException {
        Outcome o = run("evals/suites/core.yaml", "target/evals/ci-core");
        assertEquals(EvalCli.OK, o.exit(), o.console());
        assertTrue(o.results().cases().size() >= 40, "core runs at least 40 cases");
        assertTrue(Files.readString(Path.of("target/evals/ci-core/report.html")).contains("<svg"));
    }

    @Test
    void theDjSuiteHoldsItsThresholds() throws IOException {
        Outcome o = run("evals/suites/dj.yaml", "target/evals/ci-dj");
        assertEquals(EvalCli.OK, o.exit(), o.console());
        // A target without the DJ API skips every case and still exits 0: the gate needs them run.
        assertTrue(o.results().cases().size() >= 9, "dj runs at least 9 cases");
        assertTrue(o.results().cases().stream().noneMatch(c -> c.status() == Results.Status.SKIP), o.console());
    }

    @Test
    void aDeliberatelyBrokenDjExpectationFailsTheRun() throws IOException {
        Outcome o = run("src/test/resources/evals/broken-dj.yaml", "target/evals/ci-broken-dj");
        assertEquals(EvalCli.GATE_FAILED, o.exit(), o.console());
        List<String> failed = o.results().cases().stream()
                .filter(c -> c.status() == Results.Status.FAIL)
                .map(Results.CaseRun::caseId)
                .toList();
        assertEquals(List.of("wrong-direction"), failed, o.console());
        assertTrue(o.console().contains("wrong-direction: pull 2: energy"), o.console());
    }

    @Test
    void aDeliberatelyBrokenVariantFailsTheRun() throws IOException {
        Outcome o = run("src/test/resources/evals/broken-variant.yaml", "target/evals/ci-broken");
        assertEquals(EvalCli.GATE_FAILED, o.exit(), o.console());
        Results.Variant good = o.results().variants().get(0);
        Results.Variant broken = o.results().variants().get(1);
        assertFalse(good.failed(), good.toString());
        assertTrue(
                broken.gates().stream().anyMatch(g -> g.metric().equals("tag_precision") && !g.passed()),
                broken.gates().toString());
        assertTrue(o.console().contains("ignores-prompt: tag_precision"), o.console());
    }
}
