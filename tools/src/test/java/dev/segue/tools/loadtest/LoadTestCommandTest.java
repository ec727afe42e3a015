package dev.segue.tools.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.tools.LocalServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LoadTestCommandTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAreTheOnesTheReadmeQuotes() {
        LoadTestCommand command = new LoadTestCommand();
        new CommandLine(command).parseArgs();

        assertEquals("http://localhost:8080", command.url);
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

    /** One second against a stand-in that answers everything: every endpoint of the mix is hit and reported. */
    @Test
    void hitsTheWholeMixAndReportsEachEndpoint() throws IOException {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        try (LocalServer service = new LocalServer().route("/api", e -> {
            seen.add(e.getRequestMethod() + " " + e.getRequestURI().getPath().replaceAll("/(s|p)-[0-9]+", "/{id}"));
            boolean create = "POST".equals(e.getRequestMethod())
                    && !e.getRequestURI().getPath().contains("/s-");
            LocalServer.reply(
                    e,
                    create ? 201 : 200,
                    "{\"id\":\"" + idFor(e.getRequestURI().getPath()) + "\"}");
        })) {
            LocalServer.Run run =
                    run(service, "--pid", String.valueOf(ProcessHandle.current().pid()));

            assertEquals(0, run.exitCode(), run.out() + run.err());
            String report = Files.readString(onlyReport());
            for (String endpoint : List.of(
                    "POST /api/playlists",
                    "GET /api/playlists/{id}",
                    "POST /api/playlists/{id}/refine",
                    "GET /api/tracks/search",
                    "GET /api/catalog",
                    "POST /api/dj/sessions",
                    "GET /api/dj/sessions/{id}/next",
                    "POST /api/dj/sessions/{id}/requests")) {
                assertTrue(report.contains("| " + endpoint + " | "), endpoint + " missing from\n" + report);
            }
            assertTrue(report.contains("| (all) | "), report);
            assertTrue(report.contains("0 HTTP errors, 0 I/O errors"), report);
            assertTrue(
                    report.contains(
                            "Memory (RSS of pid " + ProcessHandle.current().pid()),
                    report);
            assertTrue(seen.contains("GET /api/dj/sessions/{id}/next"), seen.toString());
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

    /** Sessions are "s-N", playlists "p-N", so that the stand-in can tell them apart in later paths. */
    private static String idFor(String path) {
        return (path.contains("/dj/") ? "s-" : "p-") + Math.abs(path.hashCode() % 1000);
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
