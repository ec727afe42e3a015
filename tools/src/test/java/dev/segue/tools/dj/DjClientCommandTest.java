package dev.segue.tools.dj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import dev.segue.tools.Bodies;
import dev.segue.tools.LocalServer;
import dev.segue.tools.common.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DjClientCommandTest {

    private static final String SESSION = "6e97d96c-b1be-453e-aad4-a92b34aab5af";

    @TempDir
    Path dir;

    /** What the stand-in service was asked, in order. */
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @Test
    void defaultsAreTheOldClientsDefaults() {
        DjClientCommand command = new DjClientCommand();
        new CommandLine(command).parseArgs();

        assertEquals("http://localhost:8080", command.service.url());
        assertEquals("late night chill electronic", command.vibe);
        assertEquals(4, command.segments);
        assertEquals(0, command.bench);
        assertEquals(null, command.request);
        assertEquals(Path.of("target/bench"), command.out);
        assertEquals(DjClientCommand.Pace.NOW, command.pace);
    }

    @Test
    void pullsSegmentsAtOnceByDefaultAndSendsTheRequestAfterTheSecond() throws IOException {
        try (LocalServer service = djService()) {
            LocalServer.Run run =
                    LocalServer.run("dj-client", "--url", service.url(), "--segments", "3", "--request", "more energy");

            assertEquals(0, run.exitCode(), run.err());
            List<String> lines = run.out().lines().toList();
            assertEquals("session " + SESSION + " — vibe: late night chill electronic", lines.get(0));
            assertTrue(lines.get(1).startsWith("#1  energy 0.353 — You asked for \"play Noblemo\"."), lines.get(1));
            assertEquals("    Traces — Esther Garcia", lines.get(2));
            assertEquals("  >> request \"more energy\": a contrast in the next segment", lines.get(9));
            assertEquals(14, lines.size(), run.out());
            assertEquals(3, calls.stream().filter(c -> c.endsWith("/next ")).count(), calls.toString());
            assertTrue(calls.stream().noneMatch(c -> c.contains("/events")), "no waiting on the live stream");
            assertEquals("DELETE /api/dj/sessions/" + SESSION + " ", calls.get(calls.size() - 1));
        }
    }

    @Test
    void aPaceThatIsNeitherNowNorLiveIsABadOption() {
        LocalServer.Run run = LocalServer.run("dj-client", "--pace", "fast");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--pace"), run.err());
        assertTrue(run.err().contains("expected now or live, got 'fast'"), run.err());
    }

    @Test
    void printsStreamedSegmentsAndSendsTheRequestAfterTheSecond() throws IOException {
        try (LocalServer service = djService()) {
            LocalServer.Run run = LocalServer.run(
                    "dj-client",
                    "--url",
                    service.url(),
                    "--vibe",
                    "rainy day jazz",
                    "--segments",
                    "3",
                    "--request",
                    "switch it up",
                    "--pace",
                    "live");

            assertEquals(0, run.exitCode(), run.err());
            List<String> lines = run.out().lines().toList();
            assertEquals("session " + SESSION + " — vibe: rainy day jazz", lines.get(0));
            assertTrue(lines.get(1).startsWith("#1  energy 0.353 — You asked for \"play Noblemo\"."), lines.get(1));
            assertEquals("    Traces — Esther Garcia", lines.get(2));
            assertEquals("  >> request \"switch it up\": a contrast in the next segment", lines.get(9));
            assertEquals(14, lines.size(), run.out());
            assertEquals("POST /api/dj/sessions {\"prompt\":\"rainy day jazz\",\"minutes\":600}", calls.get(0));
            assertTrue(calls.contains("POST /api/dj/sessions/" + SESSION + "/requests {\"text\":\"switch it up\"}"));
            assertEquals("DELETE /api/dj/sessions/" + SESSION + " ", calls.get(calls.size() - 1));
            assertTrue(run.err().contains("listening live"), run.err());
        }
    }

    @Test
    void benchTimesNextCallsAndWritesARow() throws IOException {
        try (LocalServer service = djService()) {
            LocalServer.Run run =
                    LocalServer.run("dj-client", "--url", service.url(), "--bench", "20", "--out", dir.toString());

            assertEquals(0, run.exitCode(), run.err());
            assertEquals(20, calls.stream().filter(c -> c.endsWith("/next ")).count());
            assertTrue(
                    run.out().contains("| DJ segment planning (GET /next, 16 calls after warm-up) | p50 "), run.out());
            try (Stream<Path> files = Files.list(dir)) {
                Path report = files.filter(p -> p.getFileName().toString().startsWith("dj-"))
                        .findFirst()
                        .orElseThrow();
                assertTrue(Files.readString(report).startsWith("| DJ segment planning"));
            }
        }
    }

    @Test
    void aRefusedSessionIsExitCodeOneWithTheServicesWords() throws IOException {
        try (LocalServer service = new LocalServer()
                .route("/api/dj/sessions", e -> LocalServer.reply(e, 400, "{\"title\":\"minutes must be 5..600\"}"))) {
            LocalServer.Run run = LocalServer.run("dj-client", "--url", service.url());

            assertEquals(1, run.exitCode());
            assertTrue(run.err().contains("answered 400: {\"title\":\"minutes must be 5..600\"}"), run.err());
        }
    }

    /** Sessions, requests, /next and an SSE stream of recorded segments with a heartbeat between them. */
    private LocalServer djService() throws IOException {
        return new LocalServer().route("/api/dj/sessions", e -> {
            String body = new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = e.getRequestURI().getPath();
            calls.add(e.getRequestMethod() + " " + path + " " + body);
            if (path.endsWith("/events")) {
                streamSegments(e, 4);
            } else if (path.endsWith("/requests")) {
                LocalServer.reply(e, 202, "{\"interpretation\":\"a contrast in the next segment\"}");
            } else if (path.endsWith("/next")) {
                LocalServer.reply(e, 200, Bodies.read("dj-segment.json"));
            } else if ("DELETE".equals(e.getRequestMethod())) {
                LocalServer.reply(e, 204, "");
            } else {
                LocalServer.reply(e, 201, Bodies.read("dj-session.json"));
            }
        });
    }

    private static void streamSegments(HttpExchange exchange, int count) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            String segment = Json.read(Bodies.read("dj-segment.json")).toString();
            for (int i = 1; i <= count; i++) {
                String event = ": heartbeat\n\nevent: segment\nid: " + i + "\ndata: " + segment + "\n\n";
                out.write(event.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException clientLeft) {
            // The client stops listening after the segments it wanted, as a real listener does.
        }
    }
}
