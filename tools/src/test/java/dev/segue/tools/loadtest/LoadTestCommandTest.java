package dev.segue.tools.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.tools.LocalServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LoadTestCommandTest {

    private static final List<String> MIX = List.of(
            "POST /api/playlists",
            "GET /api/playlists/{id}",
            "POST /api/playlists/{id}/refine",
            "GET /api/tracks/search",
            "GET /api/catalog",
            "POST /api/dj/sessions",
            "GET /api/dj/sessions/{id}/next",
            "POST /api/dj/sessions/{id}/requests");

    @TempDir
    Path dir;

    @Test
    void defaultsAreTheOnesTheReadmeQuotes() {
        LoadTestCommand command = new LoadTestCommand();
        new CommandLine(command).parseArgs();

        assertEquals("http://localhost:8080", command.service.url());
        assertEquals(50, command.clients);
        assertEquals(60, command.seconds);
        assertNull(command.pid);
        assertEquals("", command.label);
        assertEquals(Path.of("target/bench"), command.out);
        assertEquals(Path.of("tools/bench/prompts.txt"), command.prompts);
    }

    @Test
    void zeroClientsIsABadOption() {
        assertEquals(2, LocalServer.run("load-test", "--clients", "0").exitCode());
    }

    /** Each listener's choices are seeded, so a fixed number of its requests covers the whole mix every time. */
    @Test
    void aListenerHitsEveryEndpointOfTheMix() throws Exception {
        Set<String> paths = ConcurrentHashMap.newKeySet();
        try (LocalServer service = standIn(paths);
                HttpClient http = HttpClient.newHttpClient()) {
            Recorder recorder = new Recorder(http, service.url());
            Listener listener = new Listener(0, recorder, List.of("calm piano", "loud guitars"), new ArrayList<>(), 0);
            for (int i = 0; i < 300; i++) {
                listener.nextRequest();
            }

            Set<String> endpoints =
                    recorder.samples().stream().map(Sample::endpoint).collect(Collectors.toSet());
            assertEquals(Set.copyOf(MIX), endpoints);
            assertEquals(300, recorder.samples().size());
            assertTrue(paths.contains("GET /api/dj/sessions/s-1/next"), paths.toString());
            assertTrue(paths.contains("GET /api/playlists/p-1"), paths.toString());
        }
    }

    /** The whole command, briefly: it writes its report and exits 0 when nothing failed (no timing is asserted). */
    @Test
    void writesTheReportWithTotalsAndMemory() throws IOException {
        try (LocalServer service = standIn(ConcurrentHashMap.newKeySet())) {
            LocalServer.Run run =
                    run(service, "--pid", String.valueOf(ProcessHandle.current().pid()));

            assertEquals(0, run.exitCode(), run.out() + run.err());
            String report = Files.readString(onlyReport());
            assertTrue(report.startsWith("### Segue load test, "), report);
            assertTrue(report.contains("(test)"), report);
            assertTrue(report.contains("| (all) | "), report);
            assertTrue(report.contains("0 HTTP errors, 0 I/O errors"), report);
            assertTrue(
                    report.contains(
                            "Memory (RSS of pid " + ProcessHandle.current().pid()),
                    report);
        }
    }

    @Test
    void errorsAreExitCodeOne() throws IOException {
        try (LocalServer service = new LocalServer().route("/api", e -> LocalServer.reply(e, 500, "{}"))) {
            LocalServer.Run run = run(service);

            assertEquals(1, run.exitCode());
            assertTrue(run.out().contains("| POST /api/dj/sessions | "), run.out());
        }
    }

    /** Answers every endpoint of the mix: sessions are "s-1", playlists "p-1"; records each method and path. */
    private static LocalServer standIn(Set<String> paths) throws IOException {
        return new LocalServer().route("/api", e -> {
            String path = e.getRequestURI().getPath();
            paths.add(e.getRequestMethod() + " " + path);
            boolean created = "POST".equals(e.getRequestMethod()) && !path.contains("/s-") && !path.contains("/p-");
            LocalServer.reply(e, created ? 201 : 200, "{\"id\":\"" + (path.contains("/dj/") ? "s-1" : "p-1") + "\"}");
        });
    }

    private LocalServer.Run run(LocalServer service, String... more) throws IOException {
        Path prompts = Files.writeString(dir.resolve("prompts.txt"), "calm piano\nloud guitars\n");
        String[] base = {
            "load-test",
            "--url",
            service.url(),
            "--clients",
            "4",
            "--duration",
            "1",
            "--label",
            "test",
            "--prompts",
            prompts.toString(),
            "--out",
            dir.toString()
        };
        return LocalServer.run(Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new));
    }

    private Path onlyReport() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> reports = files.filter(p -> p.getFileName().toString().startsWith("load-"))
                    .toList();
            assertEquals(1, reports.size(), reports.toString());
            return reports.get(0);
        }
    }
}
