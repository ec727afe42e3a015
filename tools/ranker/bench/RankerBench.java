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
import dev.segue.ranking.ScoredTrack;
import dev.segue.ranking.TransformerRanker;
import dev.segue.search.TrackVectors;
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

/**
 * Latency of {@link TransformerRanker#rank} (features, ONNX Runtime, sort) for one request, by candidate count, one
 * call at a time, as the service calls it. Demo catalog tracks with random unit vectors (the cost does not depend on
 * the values). Run with tools/ranker/bench/run; writes tools/ranker/bench/result.{md,json}.
 */
public class RankerBench {

    static final int[] SIZES = {100, 250, 500, 1000};
    static final int WARMUP = 300;
    static final int CALLS = 2000;
    /** The prompt's embedding is cached after the first call, as it is for a repeated prompt in the service. */
    static final String PROMPT = "calm piano music to help me focus while studying";

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "tools/ranker/bench");
        Catalog catalog = CatalogIngester.ingest(CatalogSource.demo(), ProgressBar.SILENT);
        Random random = new Random(42);
        Map<String, float[]> byId = new HashMap<>();
        for (Track t : catalog.tracks()) {
            float[] v = new float[384];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) random.nextGaussian();
            }
            byId.put(t.id(), Vectors.normalize(v));
        }
        TrackVectors vectors = TrackVectors.of(catalog, byId);
        TransformerRanker ranker = TransformerRanker.load(TransformerRanker.DEFAULT_MODEL, vectors, new TextEmbedder());
        if (!ranker.available()) {
            throw new IllegalStateException(ranker.problem());
        }
        TagGroup piano = new TagGroup("piano", List.of("piano"), "tag", 1.2, true);
        TagGroup calm = new TagGroup("calm", List.of("calm", "relaxing", "soft"), "synonym", 1.0, true);
        Intent intent = new Intent(List.of(piano, calm), List.of(), List.of(), List.of(), List.of(), null, null,
                Energy.LOW, "studying", false, true, false, 20, null, List.of(), "calm, piano, studying", List.of(),
                List.of());
        float[] query = byId.get(catalog.at(0).id());
        List<Track> context = List.of(catalog.at(1), catalog.at(2), catalog.at(3));

        List<String> rows = new ArrayList<>();
        List<String> json = new ArrayList<>();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        for (int n : SIZES) {
            for (boolean withContext : new boolean[] {false, true}) {
                List<ScoredTrack> scored = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    Track t = catalog.at(random.nextInt(catalog.size()));
                    boolean fits = t.hasTag("piano");
                    scored.add(new ScoredTrack(t, random.nextDouble(), random.nextDouble(),
                            fits ? List.of(piano) : List.of(), fits ? List.of(calm) : List.of(piano, calm), false));
                }
                List<Track> ctx = withContext ? context : List.of();
                for (int i = 0; i < WARMUP; i++) {
                    ranker.rank(intent, scored, query, PROMPT, ctx);
                }
                double[] ms = new double[CALLS];
                for (int i = 0; i < CALLS; i++) {
                    long start = System.nanoTime();
                    ranker.rank(intent, scored, query, PROMPT, ctx);
                    ms[i] = (System.nanoTime() - start) / 1e6;
                }
                Arrays.sort(ms);
                double p50 = ms[CALLS / 2], p90 = ms[CALLS * 9 / 10], p99 = ms[CALLS * 99 / 100];
                double mean = Arrays.stream(ms).average().orElse(0);
                rows.add(String.format(Locale.ROOT, "| %d | %d | %.2f | %.2f | %.2f | %.2f |", n, ctx.size(), p50, p90,
                        p99, mean));
                json.add(String.format(Locale.ROOT,
                        "{\"candidates\": %d, \"context\": %d, \"p50_ms\": %.3f, \"p90_ms\": %.3f, \"p99_ms\": %.3f, \"mean_ms\": %.3f}",
                        n, ctx.size(), p50, p90, p99, mean));
                System.out.println(rows.get(rows.size() - 1));
            }
        }
        String machine = String.format(Locale.ROOT, "%d cores, %s %s, Java %s, load average %.2f at start",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), load);
        List<String> md = new ArrayList<>(List.of("# Ranker inference benchmark", "",
                "`tools/ranker/bench/run`: `TransformerRanker.rank` (features + ONNX Runtime + sort) for one request, "
                        + CALLS + " calls after " + WARMUP + " warm-up calls, one at a time; ONNX Runtime with one "
                        + "intra-op thread. Model " + ranker.name() + ". " + machine + ", "
                        + OffsetDateTime.now().withNano(0) + ".", "",
                "| candidates | context tracks | p50 ms | p90 ms | p99 ms | mean ms |", "|---:|---:|---:|---:|---:|---:|"));
        md.addAll(rows);
        md.add("");
        Files.createDirectories(out);
        Files.write(out.resolve("result.md"), md);
        Files.writeString(out.resolve("result.json"), "{\"model\": \"" + ranker.name() + "\", \"machine\": \"" + machine
                + "\", \"calls\": " + CALLS + ", \"results\": [\n  " + String.join(",\n  ", json) + "\n]}\n");
        ranker.close();
    }
}
