package dev.segue.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A Segue started from the packaged jar for one eval run, on a free port, and stopped afterwards. It reuses its data
 * dir from run to run, so a warm index opens in a fraction of a second instead of being rebuilt.
 */
public final class LocalService implements AutoCloseable {

    /** What H2 and Lucene say when another process holds the data dir. */
    private static final List<String> LOCK_MESSAGES =
            List.of("The file is locked", "Database may be already in use", "LockObtainFailedException");

    private final Process process;
    private final String url;

    private LocalService(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    public String url() {
        return url;
    }

    /**
     * The service's rate limit off: it is this run's own service, and the runner sends hundreds of requests a minute
     * (known_track_ids alone asks for every track), which the default limit of 600 a minute would answer with 429s.
     */
    public static final Map<String, String> UNLIMITED = Map.of("SEGUE_SECURITY_REQUESTS_PER_MINUTE", "0");

    /**
     * What to start: the packaged jar, its data dir, the catalog, settings for the service's environment (e.g.
     * SEGUE_SECURITY_REQUESTS_PER_MINUTE=0; a null value removes the setting) and where its log goes.
     */
    public record Spec(Path appJar, Path dataDir, Suite.CatalogSpec catalog, Map<String, String> settings, Path log) {}

    public static LocalService start(Spec spec, Duration readyWithin, PrintWriter out)
            throws IOException, InterruptedException {
        return start(spec, readyWithin, () -> null, out);
    }

    /**
     * {@code givesUp} says why waiting any longer is pointless (a replayed provider already knows the requests
     * drifted, which a readiness check that asks the provider would otherwise turn into a long wait), or null.
     */
    public static LocalService start(Spec spec, Duration readyWithin, Supplier<String> givesUp, PrintWriter out)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(spec.appJar())) {
            throw new IOException(spec.appJar() + " is missing: build the service first (./mvnw package -DskipTests,"
                    + " or use ./evals/run)");
        }
        int port = freePort();
        Files.createDirectories(spec.log().toAbsolutePath().getParent());
        out.printf(
                "starting a local Segue on port %d (catalog %s, data dir %s, log %s) ...%n",
                port, spec.catalog().name(), spec.dataDir(), spec.log());
        out.flush();
        long start = System.nanoTime();
        LocalService service = new LocalService(process(spec, port).start(), "http://localhost:" + port);
        Runtime.getRuntime().addShutdownHook(new Thread(service::close));
        ServiceClient client = new ServiceClient(service.url, Duration.ofSeconds(5));
        long deadline = start + readyWithin.toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.process.isAlive()) {
                throw new IOException(whyItStopped(spec));
            }
            String pointless = givesUp.get();
            if (pointless != null) {
                service.close();
                throw new IOException("the local Segue is not ready, and " + pointless + "; see " + spec.log());
            }
            if (client.get("/q/health/ready").status() == 200) {
                out.printf("local Segue ready at %s in %.1f s%n", service.url, (System.nanoTime() - start) / 1e9);
                out.flush();
                return service;
            }
            Thread.sleep(300);
        }
        service.close();
        throw new IOException(
                "the local Segue was not ready within " + readyWithin.toSeconds() + " s; see " + spec.log());
    }

    private static ProcessBuilder process(Spec spec, int port) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules",
                "jdk.incubator.vector",
                "-XX:+UseG1GC",
                "-Dquarkus.http.port=" + port,
                "-jar",
                spec.appJar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(spec.log().toFile()));
        Map<String, String> env = builder.environment();
        env.put("SEGUE_DATA_DIR", spec.dataDir().toString());
        env.remove("QUARKUS_HTTP_PORT");
        if (!spec.catalog().isDemo()) {
            env.put("SEGUE_CATALOG_PATH", spec.catalog().path().toString());
            if (spec.catalog().format() != null) {
                env.put("SEGUE_CATALOG_FORMAT", spec.catalog().format());
            }
        }
        // A null setting removes one the runner's own environment would pass on (a replay's Segue gets no API key).
        spec.settings().forEach((name, value) -> {
            if (value == null) {
                env.remove(name);
            } else {
                env.put(name, value);
            }
        });
        return builder;
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

    /**
     * Why the local Segue stopped while starting, as its log says. Another Segue on the same data dir (a user's
     * ./segue, or another run) holds its database or index lock: that gets a sentence saying what to do, not a trace.
     */
    static String whyItStopped(Spec spec) {
        String log = read(spec.log());
        if (LOCK_MESSAGES.stream().anyMatch(log::contains)) {
            return "a Segue is already running on " + spec.dataDir() + " (its database or index is locked): pass"
                    + " --target http://localhost:8080 (its URL) to evaluate that one, or --data-dir DIR to start"
                    + " another on its own data dir. Log: " + spec.log();
        }
        return "the local Segue stopped while starting. Last lines of " + spec.log() + ":\n" + tail(spec.log());
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
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
