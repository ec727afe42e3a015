package dev.segue.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.segue.tools.LocalServer;
import dev.segue.tools.common.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole tool against a tiny local service: what it sends, what it writes, how it exits. */
class BenchRunTest {

    private static final String PLAYLIST = "{\"id\":\"p\",\"tracks\":[{\"position\":1,\"id\":\"a\"},"
            + "{\"position\":2,\"id\":\"b\"},{\"position\":3,\"id\":\"c\"}]}";

    @TempDir
    Path dir;

    private String[] args(LocalServer service) throws IOException {
        Path prompts = Files.writeString(dir.resolve("prompts.txt"), "# comment\n\ncalm piano\nfast \"drums\"\n");
        return new String[] {
            "bench",
            "--url",
            service.url(),
            "--prompts",
            prompts.toString(),
            "--out",
            dir.resolve("out").toString(),
            "--rounds",
            "2",
            "--requests",
            "10",
            "--concurrency",
            "3",
            "--warmup",
            "1"
        };
    }

    /** A stand-in whose readiness check answers as given and that creates a playlist for every POST it counts. */
    private static LocalServer creatingPlaylists(int readyStatus, String readyBody, AtomicInteger posted)
            throws IOException {
        return new LocalServer()
                .route("/q/health/ready", e -> LocalServer.reply(e, readyStatus, readyBody))
                .route("/api/playlists", e -> {
                    posted.incrementAndGet();
                    LocalServer.reply(e, 201, PLAYLIST);
                });
    }

    @Test
    void measuresEveryRequestAndWritesTheReports() throws IOException {
        AtomicInteger posted = new AtomicInteger();
        try (LocalServer service = creatingPlaylists(200, "{\"status\":\"UP\"}", posted)) {
            LocalServer.Run run = LocalServer.run(args(service));

            assertEquals(0, run.exitCode(), run.err());
            assertEquals(2 + 4 + 10, posted.get(), "warm-up, 2 rounds of 2 prompts, 10 concurrent");
            assertTrue(run.out().contains("warmup: 2 requests, 0 errors (not recorded)"), run.out());
        }
        JsonNode report = Json.read(Files.readString(onlyFile("bench-", ".json")));
        assertEquals("sequential", report.path("phases").path(0).path("name").asText());
        assertEquals(4, report.path("phases").path(0).path("requests").asInt());
        assertEquals(10, report.path("phases").path(1).path("requests").asInt());
        assertEquals(3.0, report.path("phases").path(1).path("meanTracks").asDouble());
        String command = report.path("command").asText();
        assertTrue(command.startsWith("tools/bench/run --url http://127.0.0.1:"), command);
        assertTrue(command.endsWith(" --rounds 2 --requests 10 --concurrency 3 --warmup 1"), command);
        assertEquals(Files.readString(onlyFile("bench-", ".md")), Files.readString(dir.resolve("out/latest.md")));
    }

    @Test
    void failedRequestsAreExitCodeOneWithTheReportsStillWritten() throws IOException {
        AtomicInteger posted = new AtomicInteger();
        try (LocalServer service = new LocalServer()
                .route("/q/health/ready", e -> LocalServer.reply(e, 200, "{}"))
                .route("/api/playlists", e -> {
                    boolean fail = posted.incrementAndGet() % 2 == 0;
                    LocalServer.reply(e, fail ? 503 : 201, fail ? "{}" : PLAYLIST);
                })) {
            LocalServer.Run run = LocalServer.run(args(service));

            assertEquals(1, run.exitCode());
            assertTrue(run.err().contains("request(s) failed"), run.err());
            assertTrue(run.out().contains("outcomes: {201="), run.out());
        }
        assertTrue(Files.readString(onlyFile("bench-", ".md")).contains("Errors in concurrent"));
    }

    @Test
    void aServiceThatIsNotReadyIsExitCodeTwoAndNothingIsSent() throws IOException {
        AtomicInteger posted = new AtomicInteger();
        try (LocalServer service = creatingPlaylists(503, "{\"status\":\"DOWN\"}", posted)) {
            LocalServer.Run run = LocalServer.run(args(service));

            assertEquals(2, run.exitCode());
            assertTrue(run.err().contains("returned 503 {\"status\":\"DOWN\"}"), run.err());
            assertEquals(0, posted.get());
        }
    }

    private Path onlyFile(String prefix, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            List<Path> matching = files.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(p -> p.getFileName().toString().endsWith(suffix))
                    .toList();
            assertEquals(1, matching.size(), matching.toString());
            return matching.get(0);
        }
    }
}
