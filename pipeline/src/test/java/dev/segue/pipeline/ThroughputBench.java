package dev.segue.pipeline;

import com.sun.management.OperatingSystemMXBean;
import dev.segue.search.FakeQdrant;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * pipeline/bench/run: the pipeline's throughput on the DirectRunner for each parallelism asked, several runs each,
 * into the in-process Qdrant stand-in (so Qdrant's own indexing is not measured, only reading, validating, embedding
 * and building the points). Writes one line per run and the median per parallelism to a TSV file, with the CPU time
 * the load took (the first run of a JVM includes loading the model).
 * Arguments: CATALOG OUT.tsv RUNS PARALLELISM...
 */
public final class ThroughputBench {

    /** CPU time of this process: tracks per CPU-second is the per-core rate, whatever else the machine runs. */
    private static final OperatingSystemMXBean CPU =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ThroughputBench() {}

    public static void main(String[] args) throws IOException {
        String catalog = args[0];
        Path out = Path.of(args[1]);
        int runs = Integer.parseInt(args[2]);
        List<String> lines = new ArrayList<>(
                List.of("parallelism\trun\tpoints\tseconds\ttracks_per_s\tcpu_seconds\ttracks_per_cpu_s"));
        for (int a = 3; a < args.length; a++) {
            int parallelism = Integer.parseInt(args[a]);
            List<Double> rates = new ArrayList<>();
            List<Double> perCpu = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                try (FakeQdrant qdrant = new FakeQdrant()) {
                    long start = System.nanoTime();
                    long cpuStart = CPU.getProcessCpuTime();
                    PipelineResult.State state = LoadCatalog.run(options(catalog, parallelism), target(qdrant));
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double cpuSeconds = (CPU.getProcessCpuTime() - cpuStart) / 1e9;
                    int points = qdrant.points("segue_bench");
                    if (state != PipelineResult.State.DONE || points == 0) {
                        throw new IllegalStateException("the load failed: " + state + ", " + points + " points");
                    }
                    rates.add(points / seconds);
                    perCpu.add(points / cpuSeconds);
                    lines.add(String.format(
                            Locale.ROOT,
                            "%d\t%d\t%d\t%.1f\t%.0f\t%.1f\t%.0f",
                            parallelism,
                            run,
                            points,
                            seconds,
                            points / seconds,
                            cpuSeconds,
                            points / cpuSeconds));
                }
            }
            rates.sort(null);
            perCpu.sort(null);
            lines.add(String.format(
                    Locale.ROOT,
                    "%d\tmedian\t\t\t%.0f\t\t%.0f",
                    parallelism,
                    rates.get(rates.size() / 2),
                    perCpu.get(perCpu.size() / 2)));
            Files.write(out, lines);
        }
        lines.forEach(System.out::println);
        System.exit(0); // the runner's and gRPC's threads would keep the process alive
    }

    private static CatalogLoadOptions options(String catalog, int parallelism) {
        return PipelineOptionsFactory.fromArgs(
                        "--catalog=" + catalog,
                        "--runner=DirectRunner",
                        "--targetParallelism=" + parallelism,
                        // as pipeline/run runs it: the runner's development checks off
                        "--enforceImmutability=false",
                        "--enforceEncodability=false")
                .as(CatalogLoadOptions.class);
    }

    private static QdrantTarget target(FakeQdrant qdrant) {
        return new QdrantTarget(
                Map.of("port", String.valueOf(qdrant.port()), "collection", "segue_bench", "write-timeout", "60s"));
    }
}
