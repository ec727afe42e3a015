package dev.segue.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * {@code pipeline/run}: loads a catalog (a file or a glob of shards) into Qdrant on any Beam runner: the
 * DirectRunner here, Flink, Spark or Dataflow on a cluster (docs/pipeline.md). Exits non-zero when the load failed.
 */
public final class LoadCatalog {

    private LoadCatalog() {}

    public static void main(String[] args) throws IOException {
        PipelineOptionsFactory.register(CatalogLoadOptions.class);
        CatalogLoadOptions options =
                PipelineOptionsFactory.fromArgs(args).withValidation().as(CatalogLoadOptions.class);
        // Exits explicitly: gRPC and runner threads would keep the process alive after a failure.
        try {
            PipelineResult.State state = run(options, QdrantTarget.of(options, System.getenv()));
            System.exit(state == PipelineResult.State.DONE ? 0 : 1);
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            System.err.println(
                    "segue pipeline: the load failed: " + e.getMessage()
                            + (cause == e ? "" : "\n  cause: " + cause)
                            + "\nsegue pipeline: points written so far are kept; run the same command again to finish the load");
            System.exit(1);
        }
    }

    static PipelineResult.State run(CatalogLoadOptions options, QdrantTarget target) throws IOException {
        FileSystems.setDefaultPipelineOptions(options);
        List<String> shards = shards(options.getCatalog());
        Pipeline pipeline = Pipeline.create(options);
        CatalogPipeline.define(pipeline, options, shards, mapping(options.getMapping()), target);
        long start = System.nanoTime();
        PipelineResult result = pipeline.run();
        PipelineResult.State state = result.waitUntilFinish();
        double seconds = (System.nanoTime() - start) / 1e9;
        long points = counter(result, WritePoints.class, "points");
        System.out.printf(
                Locale.ROOT,
                "segue pipeline: %s, %d shard(s), %,d points, %,d distinct texts embedded, %.1f s (%.0f tracks/s)%n",
                state,
                shards.size(),
                points,
                counter(result, EmbedTexts.class, "distinct-texts"),
                seconds,
                points / seconds);
        return state;
    }

    /** The files a catalog spec names, sorted: the order in which shards count as read. */
    static List<String> shards(String spec) throws IOException {
        MatchResult match = FileSystems.match(spec);
        List<String> files = new ArrayList<>();
        if (match.status() == MatchResult.Status.OK) {
            match.metadata().forEach(file -> files.add(file.resourceId().toString()));
        }
        if (files.isEmpty()) {
            throw new IOException("no catalog file matches " + spec);
        }
        files.sort(null);
        return files;
    }

    static Map<String, String> mapping(String file) throws IOException {
        Map<String, String> mapping = new HashMap<>();
        if (file == null || file.isBlank()) {
            return mapping;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            properties.load(in);
        }
        properties.forEach(
                (k, v) -> mapping.put(k.toString().trim(), v.toString().trim()));
        return mapping;
    }

    private static long counter(PipelineResult result, Class<?> namespace, String name) {
        MetricQueryResults metrics = result.metrics()
                .queryMetrics(MetricsFilter.builder()
                        .addNameFilter(MetricNameFilter.named(namespace, name))
                        .build());
        long total = 0;
        for (MetricResult<Long> counter : metrics.getCounters()) {
            total += counter.getAttempted();
        }
        return total;
    }
}
