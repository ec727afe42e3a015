package dev.segue.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The command line without a service: help, usage mistakes, and a run in which nothing could run. */
@QuarkusMainTest
class SuiteCommandTest {

    @Test
    void helpListsTheOptionsTheCommandsAndTheExitCodes(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("--help");
        assertEquals(ExitCode.OK, result.exitCode());
        for (String part : new String[] {
            "--target", "--variants", "--baseline", "--fail-on-skip", "make-playlists-suite", "personalisation", "Exit"
        }) {
            assertTrue(result.getOutput().contains(part), part + " in\n" + result.getOutput());
        }
    }

    @Test
    void usageMistakesExitTwoWithOneLine(QuarkusMainLauncher launcher) {
        LaunchResult noSuite = launcher.launch();
        assertEquals(ExitCode.USAGE_OR_SETUP, noSuite.exitCode());
        assertTrue(noSuite.getErrorOutput().contains("give a suite file"), noSuite.getErrorOutput());
        LaunchResult missing = launcher.launch("suites/no-such-suite.yaml");
        assertEquals(ExitCode.USAGE_OR_SETUP, missing.exitCode());
        assertTrue(missing.getErrorOutput().contains("no suite file at"), missing.getErrorOutput());
        LaunchResult zero = launcher.launch("suites/core.yaml", "--concurrency", "0");
        assertEquals(ExitCode.USAGE_OR_SETUP, zero.exitCode());
        assertTrue(zero.getErrorOutput().contains("must be at least 1"), zero.getErrorOutput());
        LaunchResult variant = launcher.launch("suites/core.yaml", "--variants", "offline,nope");
        assertEquals(ExitCode.USAGE_OR_SETUP, variant.exitCode());
        assertTrue(variant.getErrorOutput().contains("has no variant \"nope\""), variant.getErrorOutput());
    }

    @Test
    void aSuiteWhoseCasesWereAllSkippedIsNeverAPass(QuarkusMainLauncher launcher) throws Exception {
        LaunchResult result = launcher.launch(
                "src/test/resources/suites/without-its-catalog.yaml", "--out", "target/evals/ci-all-skipped");
        assertEquals(ExitCode.SKIPPED, result.exitCode(), result.getOutput());
        assertTrue(result.getOutput().contains("SKIPPED: every case was skipped"), result.getOutput());
        assertFalse(result.getOutput().lines().anyMatch("PASS"::equals), result.getOutput());
        Results.Run run = Results.read(Path.of("target/evals/ci-all-skipped"));
        assertEquals(2, run.variants().size());
        assertTrue(
                run.variants().stream().allMatch(v -> v.skipped() != null),
                run.variants().toString());
        assertTrue(Files.readString(Path.of("target/evals/ci-all-skipped/report.html"))
                .contains("<span class=\"badge SKIP\">SKIP</span>"));
    }

    @Test
    void theSuiteGeneratorWritesNothingWithoutItsData(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch(
                "make-playlists-suite", "--data", "target/no-such-data", "--out", "target/never-written.yaml");
        assertEquals(ExitCode.OK, result.exitCode());
        assertTrue(result.getOutput().contains("not found"), result.getOutput());
        assertFalse(Files.exists(Path.of("target/never-written.yaml")));
    }
}
