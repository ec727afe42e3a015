package dev.segue.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The runner's own Segue: what it says when it cannot start, when it gives up waiting, and how a first run gets a warm
 * index.
 */
@QuarkusTest
class LocalServiceTest {

    @Inject
    Instance<CommandLine> commandLine;

    @TempDir
    Path dir;

    @Test
    void aStartGivesUpAtOnceWhenWaitingIsPointless() {
        LocalService.Spec spec = new LocalService.Spec(
                PackagedService.JAR, dir.resolve("data"), Suite.CatalogSpec.DEMO, Map.of(), dir.resolve("server.log"));
        long start = System.nanoTime();
        IOException e = assertThrows(
                IOException.class,
                () -> LocalService.start(
                        spec, Duration.ofMinutes(5), () -> "the replay drifted", new PrintWriter(Writer.nullWriter())));
        assertTrue(e.getMessage().contains("not ready, and the replay drifted"), e.getMessage());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 30, "gave up after " + seconds + " s, not after the 5 minutes it may wait");
    }

    @Test
    void aSegueAlreadyRunningOnTheDataDirIsNamedWithWhatToDoInstead() throws Exception {
        PackagedService.url(); // the gate's Segue, which holds target/gate-data
        CommandLineRun run = CommandLineRun.of(
                commandLine.get(),
                "suites/core.yaml",
                "--data-dir",
                PackagedService.DATA_DIR.toString(),
                "--out",
                "target/evals/ci-locked");
        assertEquals(ExitCode.USAGE_OR_SETUP, run.exit(), run.console());
        assertTrue(run.err().contains("a Segue is already running on " + PackagedService.DATA_DIR), run.err());
        assertTrue(run.err().contains("--target http://localhost:8080"), run.err());
        assertTrue(run.err().contains("--data-dir DIR"), run.err());
        assertFalse(run.err().contains("\tat "), "a sentence, not a stack trace: " + run.err());
    }

    @Test
    void anyOtherFailureToStartShowsTheLogsLastLines() throws Exception {
        Path log = Files.writeString(dir.resolve("server.log"), "INFO starting\nERROR port 1 is not allowed\n");
        String why = LocalService.whyItStopped(
                new LocalService.Spec(dir.resolve("app.jar"), dir, Suite.CatalogSpec.DEMO, Map.of(), log));
        assertTrue(why.startsWith("the local Segue stopped while starting"), why);
        assertTrue(why.endsWith("ERROR port 1 is not allowed"), why);
        assertFalse(why.contains("already running"), why);
    }

    @Test
    void aCompleteIndexIsCopiedOnceWithoutItsLock() throws Exception {
        Path source = Files.createDirectories(dir.resolve("served/index/lucene"));
        Files.writeString(source.resolve("segments_1"), "segments");
        Files.writeString(source.resolve("write.lock"), "");
        Files.writeString(source.resolveSibling("manifest.json"), "{\"fingerprint\":\"f\"}");
        Path dataDir = dir.resolve("evals-demo");

        assertTrue(IndexSeed.copyIfAbsent(source.getParent(), dataDir));
        assertEquals("segments", Files.readString(dataDir.resolve("index/lucene/segments_1")));
        assertEquals("{\"fingerprint\":\"f\"}", Files.readString(dataDir.resolve("index/manifest.json")));
        assertFalse(Files.exists(dataDir.resolve("index/lucene/write.lock")));
        // An index already there is the data dir's own: never overwritten.
        assertFalse(IndexSeed.copyIfAbsent(source.getParent(), dataDir));
    }

    @Test
    void anIndexWithoutItsManifestIsNotCopied() throws Exception {
        Path source = Files.createDirectories(dir.resolve("building/index/lucene"));
        Files.writeString(source.resolve("segments_1"), "half written");

        assertFalse(IndexSeed.copyIfAbsent(source.getParent(), dir.resolve("evals-demo")));
        assertFalse(Files.exists(dir.resolve("evals-demo/index")));
    }
}
