package dev.segue.it;

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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The packaged service (target/quarkus-app) as a real process: start, talk HTTP, kill -9, start again. */
final class ServiceProcess implements AutoCloseable {

    private final Path dataDir;
    private final List<String> extraArgs;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private Path log;
    private int port;

    ServiceProcess(Path dataDir, List<String> extraArgs) throws IOException {
        this.dataDir = dataDir;
        this.extraArgs = extraArgs;
        Path built = Path.of("target", "test-data", "index");
        if (Files.isDirectory(built) && !Files.exists(dataDir.resolve("index"))) {
            copy(built, dataDir.resolve("index")); // the tests already built it for the same demo catalog
        }
    }

    /** The JVM flags that point the service at the test PostgreSQL, or null when none is configured. */
    static List<String> postgresArgs() {
        String url = System.getenv("SEGUE_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        return List.of(
                "-Dquarkus.datasource.active=false",
                "-Dquarkus.datasource.postgresql.active=true",
                "-Dquarkus.datasource.postgresql.jdbc.url=" + url,
                "-Dquarkus.datasource.postgresql.username="
                        + System.getenv().getOrDefault("SEGUE_TEST_POSTGRES_USER", "segue"),
                "-Dquarkus.datasource.postgresql.password="
                        + System.getenv().getOrDefault("SEGUE_TEST_POSTGRES_PASSWORD", "segue"));
    }

    void start() throws Exception {
        port = freePort();
        log = Files.createTempFile(dataDir, "service", ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "--add-modules",
                "jdk.incubator.vector",
                "-Xmx1g",
                "-Dquarkus.http.port=" + port,
                "-Dsegue.data-dir=" + dataDir,
                "-Dsegue.security.requests-per-minute=0"));
        command.addAll(extraArgs);
        command.addAll(List.of(
                "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString()));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited:\n" + log());
            }
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not become ready:\n" + log());
    }

    /** The service's address with this path, e.g. url("/mcp"). */
    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** kill -9: no shutdown hooks, no flush on exit. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return post(path, body, Duration.ofSeconds(30));
    }

    HttpResponse<String> post(String path, String body, Duration timeout) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(timeout)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void copy(Path from, Path to) throws IOException {
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
