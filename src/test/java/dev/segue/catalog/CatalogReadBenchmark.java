package dev.segue.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How fast {@link CatalogIngester#ingest} reads and validates a catalog (no embedding): the demo catalog's tracks
 * repeated under fresh ids to {@code segue.bench.rows} rows (200,000 by default), as canonical CSV and as JSONL. Five
 * timed runs after one warm-up, median reported. Not part of the test suite (tag "benchmark"):
 * tools/bench/catalog-read runs it and writes tools/bench/results/catalog-read.md. It asserts nothing about time.
 */
@Tag("benchmark")
class CatalogReadBenchmark {

    private static final int RUNS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void readsCanonicalCsvAndJsonLines() throws IOException {
        int rows = Integer.getInteger("segue.bench.rows", 200_000);
        List<Track> demo =
                CatalogIngester.ingest(CatalogSource.demo(), ProgressBar.SILENT).tracks();
        Path csv = dir.resolve("bench.csv");
        Path jsonl = dir.resolve("bench.jsonl");
        try (BufferedWriter csvOut = Files.newBufferedWriter(csv);
                BufferedWriter jsonOut = Files.newBufferedWriter(jsonl)) {
            csvOut.write("id,title,artist,duration_sec,genres,moods,instruments,license,url\n");
            for (int i = 0; i < rows; i++) {
                Track track = demo.get(i % demo.size());
                Map<String, Object> row = canonical(track, "t" + i);
                csvOut.write(String.join(
                        ",",
                        row.values().stream()
                                .map(CatalogReadBenchmark::csvField)
                                .toList()));
                csvOut.write('\n');
                jsonOut.write(JSON.writeValueAsString(row));
                jsonOut.write('\n');
            }
        }
        StringBuilder out = new StringBuilder(
                        "# Catalog read and validation (CatalogIngester.ingest, no embedding)\n\n")
                .append(String.format(
                        Locale.ROOT,
                        "%s, %,d rows of demo tracks under fresh ids, median of %d runs after a warm-up, %d cores, %s%n%n",
                        OffsetDateTime.now().withNano(0),
                        rows,
                        RUNS,
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version")))
                .append("| format | file MB | median s | rows/s | runs (s) |\n| --- | --- | --- | --- | --- |\n");
        for (Path file : List.of(csv, jsonl)) {
            double[] seconds = time(file, rows);
            double median = seconds[RUNS / 2];
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %.1f | %.2f | %,.0f | %s |%n",
                    file.getFileName(),
                    Files.size(file) / 1e6,
                    median,
                    rows / median,
                    Arrays.toString(seconds)));
        }
        Path target = Path.of(System.getProperty("segue.bench.out", "tools/bench/results"), "catalog-read.md");
        Files.createDirectories(target.getParent());
        Files.writeString(target, out);
        System.out.print(out);
    }

    private static double[] time(Path file, int rows) throws IOException {
        CatalogSource source = new CatalogSource(file.toString(), null, Map.of());
        CatalogIngester.ingest(source, ProgressBar.SILENT);
        double[] seconds = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            Catalog catalog = CatalogIngester.ingest(source, ProgressBar.SILENT);
            seconds[run] = Math.round((System.nanoTime() - start) / 1e7) / 100.0;
            if (catalog.size() != rows) {
                throw new IllegalStateException(
                        "expected " + rows + " tracks, got " + catalog.report().summary());
            }
        }
        Arrays.sort(seconds);
        return seconds;
    }

    private static Map<String, Object> canonical(Track track, String id) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("title", track.title());
        row.put("artist", track.artist());
        row.put("duration_sec", track.durationSec());
        row.put("genres", String.join("|", track.genres()));
        row.put("moods", String.join("|", track.moods()));
        row.put("instruments", String.join("|", track.instruments()));
        row.put("license", track.license());
        row.put("url", track.url());
        return row;
    }

    private static String csvField(Object value) {
        String text = value == null ? "" : value.toString();
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
