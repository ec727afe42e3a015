package dev.segue.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service, for real: playlists acknowledged with 201/200 survive a kill -9, and a restart opens the
 * persisted index instead of rebuilding it. Runs in the integration-test phase, after the jar is built.
 */
class RestartPersistenceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dataDir;

    private Process service;
    private Path log;
    private int port;

    @AfterEach
    void stop() {
        if (service != null) {
            service.destroyForcibly();
        }
    }

    private void start() throws Exception {
        port = freePort();
        log = Files.createTempFile(dataDir, "service", ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        service = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-Xmx1g",
                "-Dquarkus.http.port=" + port, "-Dsegue.data-dir=" + dataDir, "-jar",
                Path.of("target", "quarkus-app", "quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(service.isAlive(), () -> "the service exited:\n" + read(log));
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not become ready:\n" + read(log));
    }

    @Test
    void acknowledgedPlaylistsSurviveKillAndTheIndexIsReopened() throws Exception {
        Path built = Path.of("target", "test-data", "index");
        if (Files.isDirectory(built)) {
            copy(built, dataDir.resolve("index")); // the unit tests already built it for the same demo catalog
        }
        start();
        HttpResponse<String> created = post("/api/playlists", "{\"prompt\":\"calm piano music to help me focus while studying\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode v1 = JSON.readTree(created.body());
        String id = v1.get("id").asText();
        assertEquals(20, v1.get("tracks").size());
        HttpResponse<String> refined = post("/api/playlists/" + id + "/refine", "{\"prompt\":\"no piano\"}");
        assertEquals(200, refined.statusCode(), refined.body());
        JsonNode v2 = JSON.readTree(refined.body());
        HttpResponse<String> session = post("/api/dj/sessions", "{\"prompt\":\"chill electronic\"}");
        assertEquals(201, session.statusCode(), session.body());
        String dj = JSON.readTree(session.body()).get("id").asText();
        JsonNode segment1 = JSON.readTree(get("/api/dj/sessions/" + dj + "/next").body());
        assertEquals(202, post("/api/dj/sessions/" + dj + "/requests", "{\"text\":\"no more piano\"}").statusCode());

        service.destroyForcibly().waitFor(); // kill -9: no shutdown hooks, no flush on exit
        start();
        assertTrue(read(log).contains("opened in"), "a restart opens the persisted index:\n" + read(log));

        JsonNode latest = JSON.readTree(get("/api/playlists/" + id).body());
        assertEquals(2, latest.get("version").asInt());
        assertEquals(v2.get("tracks"), latest.get("tracks"));
        JsonNode first = JSON.readTree(get("/api/playlists/" + id + "?version=1").body());
        assertEquals(v1.get("tracks"), first.get("tracks"));
        HttpResponse<String> again = post("/api/playlists/" + id + "/refine", "{\"prompt\":\"make it 30 minutes\"}");
        assertEquals(3, JSON.readTree(again.body()).get("version").asInt(), again.body());

        JsonNode segment2 = JSON.readTree(get("/api/dj/sessions/" + dj + "/next").body());
        assertEquals(2, segment2.get("segment").asInt(), "the DJ session continues where it was");
        java.util.Set<String> firstSegment = new java.util.HashSet<>();
        segment1.get("tracks").forEach(t -> firstSegment.add(t.get("id").asText()));
        segment2.get("tracks").forEach(t -> assertTrue(!firstSegment.contains(t.get("id").asText()), "no repeat after restart"));
        segment2.get("tracks").forEach(t -> assertTrue(!t.get("instruments").toString().contains("\"piano\""),
                "the request made before the kill still holds"));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

}
