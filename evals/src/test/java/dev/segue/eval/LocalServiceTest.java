package dev.segue.eval;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting the packaged service: a start gives up at once, saying why, when waiting for it is pointless. */
class LocalServiceTest {

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
}
