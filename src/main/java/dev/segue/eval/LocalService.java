package dev.segue.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Segue started from the packaged jar for one eval run, on a free port, and stopped afterwards. It reuses a data
 * dir (./data for the demo catalog) so a warm index opens in a fraction of a second instead of being rebuilt.
 */
public final class LocalService implements AutoCloseable {

    private final Process process;
    private final String url;

    private LocalService(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    public String url() {
        return url;
    }

    public static LocalService start(
            Path appJar, Path dataDir, Suite.CatalogSpec catalog, Path log, Duration readyWithin, PrintStream out)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(appJar)) {
            throw new IOException(appJar + " is missing: build first (./mvnw package -DskipTests, or use ./evals/run)");
        }
        int port = freePort();
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules",
                "jdk.incubator.vector",
                "-XX:+UseG1GC",
                "-Dquarkus.http.port=" + port,
                "-jar",
                appJar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().put("SEGUE_DATA_DIR", dataDir.toString());
        builder.environment().remove("QUARKUS_HTTP_PORT");
        if (!catalog.isDemo()) {
            builder.environment().put("SEGUE_CATALOG_PATH", catalog.path().toString());
            if (catalog.format() != null) {
                builder.environment().put("SEGUE_CATALOG_FORMAT", catalog.format());
            }
        }
        out.printf(
                "starting a local Segue on port %d (catalog %s, data dir %s, log %s) ...%n",
                port, catalog.name(), dataDir, log);
        long start = System.nanoTime();
        LocalService service = new LocalService(builder.start(), "http://localhost:" + port);
        Runtime.getRuntime().addShutdownHook(new Thread(service::close));
        ServiceClient client = new ServiceClient(service.url, Duration.ofSeconds(5));
        long deadline = start + readyWithin.toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.process.isAlive()) {
                throw new IOException("the local Segue stopped while starting (is another Segue using " + dataDir
                        + "? then pass --target URL or --data-dir DIR). Last lines of " + log + ":\n" + tail(log));
            }
            if (client.get("/q/health/ready").status() == 200) {
                out.printf("local Segue ready at %s in %.1f s%n", service.url, (System.nanoTime() - start) / 1e9);
                return service;
            }
            Thread.sleep(300);
        }
        service.close();
        throw new IOException("the local Segue was not ready within " + readyWithin.toSeconds() + " s; see " + log);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(log unreadable)";
        }
    }
}
