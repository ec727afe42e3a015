package dev.segue.ranking;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.CatalogIngester;
import dev.segue.catalog.CatalogSource;
import dev.segue.catalog.ProgressBar;
import dev.segue.catalog.Track;
import dev.segue.embedding.TextEmbedder;
import dev.segue.embedding.Vectors;
import dev.segue.planner.Energy;
import dev.segue.planner.Intent;
import dev.segue.planner.TagGroup;
import dev.segue.search.TrackVectors;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Latency of {@link TransformerRanker#rank} (features, ONNX Runtime, sort) for one request, by candidate count, one
 * call at a time, as the service calls it: demo catalog tracks with random unit vectors (the cost does not depend on
 * the values). Not part of the test suite (tag "benchmark"): tools/ranker/bench/run runs it and it writes
 * tools/ranker/bench/result.{md,json}. It asserts nothing about time.
 */
@Tag("benchmark")
class RankerBenchmark {

    static final int[] SIZES = {100, 250, 500, 1000};
    static final int WARMUP = 300;
    static final int CALLS = 2000;
    /** The prompt's embedding is cached after the first call, as it is for a repeated prompt in the service. */
    static final String PROMPT = "calm piano music to help me focus while studying";

    static final TagGroup PIANO = new TagGroup("piano", List.of("piano"), "tag", 1.2, true);
    static final TagGroup CALM = new TagGroup("calm", List.of("calm", "relaxing", "soft"), "synonym", 1.0, true);

    private record Timing(int candidates, int context, double p50, double p90, double p99, double mean) {
        /** The timing in a pattern that takes its values in order: candidates, context, then the times. */
        String formatted(String pattern) {
            return String.format(Locale.ROOT, pattern, candidates, context, p50, p90, p99, mean);
        }
    }

    private final Random random = new Random(42);

    @Test
    void timesTheRankerByCandidateCount() throws IOException {
        Path out = Path.of(System.getProperty("segue.bench.out", "tools/ranker/bench"));
        Catalog catalog = CatalogIngester.ingest(CatalogSource.demo(), ProgressBar.SILENT);
        Map<String, float[]> byId = randomVectors(catalog);
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        try (TextEmbedder embedder = TextEmbedder.open();
                TransformerRanker ranker = TransformerRanker.load(
                        TransformerRanker.DEFAULT_MODEL, TrackVectors.of(catalog, byId), embedder)) {
            assertTrue(ranker.available(), ranker.problem());
            float[] query = byId.get(catalog.at(0).id());
            List<Timing> timings = new ArrayList<>();
            for (int n : SIZES) {
                List<ScoredTrack> scored = candidates(catalog, n);
                timings.add(time(ranker, scored, query, List.of()));
                timings.add(time(ranker, scored, query, List.of(catalog.at(1), catalog.at(2), catalog.at(3))));
            }
            write(out, ranker.name(), machine(load), timings);
        }
    }

    private Map<String, float[]> randomVectors(Catalog catalog) {
        Map<String, float[]> byId = new HashMap<>();
        for (Track track : catalog.tracks()) {
            float[] v = new float[TextEmbedder.DIMENSION];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) random.nextGaussian();
            }
            byId.put(track.id(), Vectors.normalize(v));
        }
        return byId;
    }

    private List<ScoredTrack> candidates(Catalog catalog, int n) {
        List<ScoredTrack> scored = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Track track = catalog.at(random.nextInt(catalog.size()));
            boolean fits = track.hasTag("piano");
            scored.add(new ScoredTrack(
                    track,
                    random.nextDouble(),
                    random.nextDouble(),
                    fits ? List.of(PIANO) : List.of(),
                    fits ? List.of(CALM) : List.of(PIANO, CALM),
                    false));
        }
        return scored;
    }

    private static Intent intent() {
        return Intent.of("calm, piano, studying")
                .withTags(Intent.Tags.NONE.withInclude(List.of(PIANO, CALM)))
                .withFeel(Intent.Feel.ANY
                        .withEnergy(Energy.LOW)
                        .withActivity("studying")
                        .withPreferInstrumental(true))
                .withTarget(20, null);
    }

    private static Timing time(TransformerRanker ranker, List<ScoredTrack> scored, float[] query, List<Track> context) {
        Intent intent = intent();
        for (int i = 0; i < WARMUP; i++) {
            ranker.rank(intent, scored, query, PROMPT, context);
        }
        double[] ms = new double[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long start = System.nanoTime();
            ranker.rank(intent, scored, query, PROMPT, context);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        double mean = Arrays.stream(ms).average().orElse(0);
        return new Timing(scored.size(), context.size(), ms[CALLS / 2], ms[CALLS * 9 / 10], ms[CALLS * 99 / 100], mean);
    }

    private static String machine(double load) {
        return String.format(
                Locale.ROOT,
                "%d cores, %s %s, Java %s, load average %.2f at start",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                System.getProperty("java.version"),
                load);
    }

    private static void write(Path out, String model, String machine, List<Timing> timings) throws IOException {
        List<String> md = new ArrayList<>(List.of(
                "# Ranker inference benchmark",
                "",
                "`tools/ranker/bench/run`: `TransformerRanker.rank` (features + ONNX Runtime + sort) for one request, "
                        + CALLS + " calls after " + WARMUP + " warm-up calls, one at a time; ONNX Runtime with one "
                        + "intra-op thread. Model " + model + ". " + machine + ", "
                        + OffsetDateTime.now().withNano(0) + ".",
                "",
                "| candidates | context tracks | p50 ms | p90 ms | p99 ms | mean ms |",
                "|---:|---:|---:|---:|---:|---:|"));
        List<String> json = new ArrayList<>();
        for (Timing t : timings) {
            md.add(t.formatted("| %d | %d | %.2f | %.2f | %.2f | %.2f |"));
            json.add(t.formatted("{\"candidates\": %d, \"context\": %d, \"p50_ms\": %.3f, \"p90_ms\": %.3f,"
                    + " \"p99_ms\": %.3f, \"mean_ms\": %.3f}"));
        }
        md.add("");
        Files.createDirectories(out);
        Files.write(out.resolve("result.md"), md);
        Files.writeString(
                out.resolve("result.json"),
                "{\"model\": \"" + model + "\", \"machine\": \"" + machine + "\", \"calls\": " + CALLS
                        + ", \"results\": [\n  " + String.join(",\n  ", json) + "\n]}\n");
    }
}
