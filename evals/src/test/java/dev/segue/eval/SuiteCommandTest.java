package dev.segue.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line without a service: help, usage mistakes, and a run in which nothing could run. */
@QuarkusTest
class SuiteCommandTest {

    @Inject
    Instance<CommandLine> commandLine;

    private CommandLineRun run(String... args) {
        return CommandLineRun.of(commandLine.get(), args);
    }

    @Test
    void helpListsTheOptionsTheCommandsAndTheExitCodes() {
        CommandLineRun result = run("--help");
        assertEquals(ExitCode.OK, result.exit());
        for (String part : new String[] {
            "--target",
            "--variants",
            "--baseline",
            "--fail-on-skip",
            "--record",
            "--replay",
            "--prompts",
            "make-playlists-suite",
            "personalisation",
            "Exit"
        }) {
            assertTrue(result.out().contains(part), part + " in\n" + result.out());
        }
        assertTrue(result.out().contains("--variants=a,b "), result.out());
        assertFalse(result.out().contains("[,a,b...]"), "picocli's split syntax, which reads as noise");
    }

    @Test
    void theSubcommandsHelpListsTheirSharedOptions() {
        for (String command : new String[] {"make-playlists-suite", "personalisation"}) {
            CommandLineRun result = run(command, "--help");
            assertEquals(ExitCode.OK, result.exit(), result.console());
            assertTrue(result.out().startsWith("Usage: ./evals/run " + command + " [-h]"), result.out());
            for (String option : new String[] {"--data=DIR", "spotify-30k-songs folder", "-h, --help"}) {
                assertTrue(result.out().contains(option), option + " in\n" + result.out());
            }
        }
    }

    @Test
    void usageMistakesExitTwoWithOneLine() {
        CommandLineRun noSuite = run();
        assertEquals(ExitCode.USAGE_OR_SETUP, noSuite.exit());
        assertTrue(noSuite.err().contains("give a suite file"), noSuite.err());
        assertEquals(2, noSuite.err().lines().count(), "the mistake, and where help is: " + noSuite.err());
        CommandLineRun missing = run("suites/no-such-suite.yaml");
        assertEquals(ExitCode.USAGE_OR_SETUP, missing.exit());
        assertTrue(missing.err().contains("no suite file at"), missing.err());
        CommandLineRun zero = run("suites/core.yaml", "--concurrency", "0");
        assertEquals(ExitCode.USAGE_OR_SETUP, zero.exit());
        assertTrue(zero.err().contains("must be at least 1"), zero.err());
        CommandLineRun variant = run("suites/core.yaml", "--variants", "offline,nope");
        assertEquals(ExitCode.USAGE_OR_SETUP, variant.exit());
        assertTrue(variant.err().contains("has no variant \"nope\""), variant.err());
    }

    @Test
    void recordingAndReplayingMistakesExitTwoBeforeAnythingStarts() {
        String agent = "suites/agent.yaml";
        String target = "http://localhost:1";
        refused("exclude each other", agent, "--record", "target/r", "--replay", "recordings/agent");
        refused("cannot go with --target", agent, "--replay", "recordings/agent", "--target", target);
        refused("cannot go with --target", agent, "--prompts", "../prompts", "--target", target);
        refused("target/no-such-recording is not a recording", agent, "--replay", "target/no-such-recording");
        refused("is a recording of suite agent, not core", "suites/core.yaml", "--replay", "recordings/agent");
    }

    private void refused(String why, String... args) {
        CommandLineRun result = run(args);
        assertEquals(ExitCode.USAGE_OR_SETUP, result.exit(), String.join(" ", args) + "\n" + result.console());
        assertTrue(result.err().contains(why), result.console());
    }

    @Test
    void aSuiteWhoseCasesWereAllSkippedIsNeverAPass() throws Exception {
        CommandLineRun result =
                run("src/test/resources/suites/without-its-catalog.yaml", "--out", "target/evals/ci-all-skipped");
        assertEquals(ExitCode.SKIPPED, result.exit(), result.out());
        assertTrue(result.out().contains("SKIPPED: every case was skipped"), result.out());
        assertFalse(result.out().lines().anyMatch("PASS"::equals), result.out());
        Results.Run run = Results.read(Path.of("target/evals/ci-all-skipped"));
        assertEquals(2, run.variants().size());
        assertTrue(
                run.variants().stream().allMatch(v -> v.skipped() != null),
                run.variants().toString());
        assertTrue(Files.readString(Path.of("target/evals/ci-all-skipped/report.html"))
                .contains("<span class=\"badge SKIP\">SKIP</span>"));
    }

    @Test
    void theSuiteGeneratorWritesNothingWithoutItsData() {
        CommandLineRun result =
                run("make-playlists-suite", "--data", "target/no-such-data", "--out", "target/never-written.yaml");
        assertEquals(ExitCode.OK, result.exit());
        assertTrue(result.out().contains("not found"), result.out());
        assertFalse(Files.exists(Path.of("target/never-written.yaml")));
    }
}
