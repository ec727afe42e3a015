package dev.segue.tools.scale;

import com.fasterxml.jackson.databind.JsonNode;
import dev.segue.tools.common.Numbers;
import dev.segue.tools.scale.ScaleRun.Latency;
import dev.segue.tools.scale.ScaleRun.Row;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One catalog size, measured: {@code segue ingest} into a fresh data dir (wall time, peak RSS), the index's size, then
 * the service started on it (time to ready, latencies under load, resident memory), then the recall tool if any.
 */
final class ScaleStep {

    /** What the launcher runs, where, and the load to put on the service. */
    record Setup(List<String> segue, Path root, Path scratch, Duration readyTimeout, ServiceLoad load) {}

    /** A size's row, and the JVM options its service ran with (empty when it never ran). */
    record Measured(Row row, List<String> jvmOptions) {}

    private static final Pattern INDEXED = Pattern.compile(": ([\\d,]+) tracks[,( ]");
    private static final Duration INGEST_TIMEOUT = Duration.ofHours(6);
    private static final Duration READY_POLL = Duration.ofMillis(100);

    private final Setup setup;
    private final PrintWriter out;
    private final List<String> problems = new ArrayList<>();
    private List<String> jvmOptions = List.of();

    ScaleStep(Setup setup, PrintWriter out) {
        this.setup = setup;
        this.out = out;
    }

    /** The JVM options the service ran with, as /proc showed them. */
    List<String> jvmOptions() {
        return jvmOptions;
    }

    Row measure(long tracks, Path catalog, boolean recallAvailable) throws IOException, InterruptedException {
        Path work = setup.scratch().resolve(Long.toString(tracks));
        Path data = work.resolve("data");
        deleteTree(work);
        Files.createDirectories(data);
        Map<String, String> env = Map.of(
                "SEGUE_CATALOG_PATH", catalog.toAbsolutePath().toString(),
                "SEGUE_DATA_DIR", data.toAbsolutePath().toString(),
                "SEGUE_SECURITY_REQUESTS_PER_MINUTE", "0");
        out.printf("%,d tracks: ingest ...%n", tracks);
        out.flush();
        Ingest ingest = ingest(catalog, data, env, work.resolve("ingest.log"));
        if (ingest.indexed() == null) {
            return Row.failed(tracks, problems);
        }
        Long indexBytes = treeBytes(Files.isDirectory(data.resolve("index")) ? data.resolve("index") : data);
        Serving serving = serve(env, work);
        JsonNode recall = null;
        if (recallAvailable) {
            out.println("  index-recall ...");
            out.flush();
            recall = IndexRecall.run(
                    setup.segue(), setup.root(), env, work.resolve("recall.json"), work.resolve("recall.log"));
            if (recall == null) {
                problems.add("index-recall failed: see " + work.resolve("recall.log"));
            }
        }
        BigDecimal seconds = Numbers.json(ingest.seconds());
        return new Row(
                tracks,
                ingest.indexed(),
                seconds,
                Numbers.json(ingest.indexed() / ingest.seconds()),
                ingest.peakBytes(),
                indexBytes,
                serving.firstStartSeconds() == null ? null : Numbers.json(serving.firstStartSeconds()),
                serving.readySeconds() == null ? null : Numbers.json(serving.readySeconds()),
                serving.rssBytes(),
                serving.peakBytes(),
                serving.latencies(),
                IndexRecall.recallAt20(recall),
                recall,
                problems,
                ProcStatus.loadAverage());
    }

    private record Ingest(Long indexed, double seconds, long peakBytes) {}

    private Ingest ingest(Path catalog, Path data, Map<String, String> env, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(setup.segue());
        command.addAll(List.of("ingest", catalog.toAbsolutePath().toString(), "--data-dir", data.toString()));
        try (WatchedProcess process = WatchedProcess.start(command, setup.root(), env, log)) {
            Integer code = process.waitFor(INGEST_TIMEOUT);
            double seconds = process.secondsSinceStart();
            if (code == null || code != 0) {
                problems.add("ingest " + (code == null ? "timed out" : "exited with " + code) + ": see " + log);
                return new Ingest(null, seconds, process.peakBytes());
            }
            Matcher indexed = INDEXED.matcher(Files.readString(log));
            Long count = indexed.find() ? Long.parseLong(indexed.group(1).replace(",", "")) : null;
            if (count == null) {
                problems.add("ingest printed no track count: see " + log);
            }
            out.printf("  ingest: %.1f s, peak RSS %s%n", seconds, ScaleReport.bytes(process.peakBytes()));
            return new Ingest(count, seconds, process.peakBytes());
        }
    }

    private record Serving(
            Double firstStartSeconds,
            Double readySeconds,
            Long rssBytes,
            Long peakBytes,
            Map<String, Latency> latencies) {}

    /**
     * Starts the service twice: the first start after an ingest also creates the database and may do one-off work, so
     * the second, a plain restart on a built index, is the one timed as "ready after restart" and put under load.
     */
    private Serving serve(Map<String, String> env, Path work) throws IOException, InterruptedException {
        Double first;
        try (WatchedProcess process = startService(env, work.resolve("serve-first.log"))) {
            first = awaitReady(process, process.baseUrl());
        }
        if (first == null) {
            problems.add("the service was not ready within "
                    + setup.readyTimeout().toSeconds() + " s: see " + work.resolve("serve-first.log"));
            return new Serving(null, null, null, null, Map.of());
        }
        out.printf("  first start ready after %.1f s%n", first);
        Path log = work.resolve("serve.log");
        try (WatchedProcess process = startService(env, log)) {
            Double ready = awaitReady(process, process.baseUrl());
            if (ready == null) {
                problems.add("the restarted service was not ready within "
                        + setup.readyTimeout().toSeconds() + " s: see " + log);
                return new Serving(first, null, null, null, Map.of());
            }
            out.printf("  restart ready after %.1f s%n", ready);
            Map<String, Latency> latencies = setup.load().measure(process.baseUrl());
            jvmOptions = process.jvmOptions();
            return new Serving(first, ready, process.rssBytes(), process.peakBytes(), latencies);
        }
    }

    private WatchedProcess startService(Map<String, String> env, Path log) throws IOException {
        int port = freePort();
        Map<String, String> serveEnv = new HashMap<>(env);
        serveEnv.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return WatchedProcess.start(setup.segue(), setup.root(), serveEnv, log).at("http://127.0.0.1:" + port);
    }

    /** Seconds from process start to the first 200 from /q/health/ready; null if it died or took too long. */
    private Double awaitReady(WatchedProcess process, String baseUrl) throws InterruptedException {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            while (process.alive()
                    && process.secondsSinceStart() < setup.readyTimeout().toSeconds()) {
                try {
                    if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return process.secondsSinceStart();
                    }
                } catch (IOException notYet) {
                    // not listening yet: the JVM is still starting
                }
                Thread.sleep(READY_POLL);
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static long treeBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(ScaleStep::size).sum();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
