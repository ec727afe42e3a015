package dev.segue.tools.scale;

import dev.segue.tools.bench.Phases;
import dev.segue.tools.bench.PlaylistClient;
import dev.segue.tools.bench.Requests;
import dev.segue.tools.scale.ScaleRun.Latency;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The warm latencies of a running service, with the playlist bench's own phases (tools/bench/run): for playlists, for
 * unfiltered and for genre-filtered track searches, each warmed up, then sequential, then with a few clients at once.
 */
final class ServiceLoad {

    /** The shape of the load: rounds over the prompts, and requests for the concurrent phase. */
    record Shape(int warmup, int rounds, int concurrency, int requests) {}

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final List<String> prompts;
    private final List<String> genres;
    private final Shape shape;
    private final PrintWriter out;

    ServiceLoad(List<String> prompts, List<String> genres, Shape shape, PrintWriter out) {
        this.prompts = prompts;
        this.genres = genres;
        this.shape = shape;
        this.out = out;
    }

    /** @return the latencies by phase name ({@link ScaleRun#PHASES}) */
    Map<String, Latency> measure(String baseUrl) throws InterruptedException {
        ExecutorService httpPool = Executors.newFixedThreadPool(
                shape.concurrency() + 2,
                Thread.ofPlatform().daemon().name("scale-http-", 0).factory());
        Map<String, Latency> latencies = new LinkedHashMap<>();
        try (HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .executor(httpPool)
                .build()) {
            phases("playlist", new PlaylistClient(http, baseUrl), latencies);
            phases("search", new SearchClient(http, baseUrl, List.of()), latencies);
            phases("search filtered", new SearchClient(http, baseUrl, genres), latencies);
        } finally {
            httpPool.shutdownNow();
        }
        return latencies;
    }

    private void phases(String name, Requests requests, Map<String, Latency> into) throws InterruptedException {
        out.println("  " + name + ":");
        Phases phases = new Phases(requests, prompts, out);
        phases.warmup(shape.warmup());
        into.put(name, Latency.of(phases.sequential(shape.rounds())));
        into.put(
                name + " c" + shape.concurrency(),
                Latency.of(phases.concurrent(shape.concurrency(), shape.requests())));
        out.flush();
    }
}
