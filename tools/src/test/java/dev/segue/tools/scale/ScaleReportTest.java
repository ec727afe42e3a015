package dev.segue.tools.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.segue.tools.common.Json;
import dev.segue.tools.scale.ScaleRun.Latency;
import dev.segue.tools.scale.ScaleRun.Row;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScaleReportTest {

    private static final long MIB = 1024L * 1024L;

    @Test
    void writesOneTableRowPerSizeWithEveryColumn() {
        String markdown = ScaleReport.markdown(run(List.of(measured(), failed())));
        List<String> table =
                markdown.lines().filter(line -> line.startsWith("|")).toList();
        assertEquals(4, table.size(), markdown);
        assertEquals(ScaleReport.HEADER, table.get(0));
        int columns = cells(table.get(0)).size();
        assertEquals(14, columns);
        table.forEach(line -> assertEquals(columns, cells(line).size(), line));
        List<String> row = cells(table.get(2));
        assertEquals(
                List.of(
                        "5,000",
                        "17.9 s",
                        "280",
                        "449 MB",
                        "8 MB",
                        "20.1 s",
                        "14.8 s",
                        "594 MB",
                        "36.3 / 80.5",
                        "51.3 / 104.5 (2 errors)",
                        "3.9 / 12.5",
                        "5.2 / 19.0",
                        "6.1 / 20.4",
                        "0.713"),
                row.subList(0, 14));
        assertTrue(markdown.contains("- Commit: `abc1234`"), markdown);
        assertTrue(markdown.contains("2 CPUs: 5,000: 1.50 1.20 0.90; 1,000,000: 10.28 9.87 6.44"), markdown);
        assertTrue(markdown.contains("`--add-modules jdk.incubator.vector -XX:+UseG1GC`"), markdown);
    }

    @Test
    void aSizeThatFailedShowsDashesAndWhy() {
        String markdown = ScaleReport.markdown(run(List.of(failed())));
        String row = markdown.lines()
                .filter(l -> l.startsWith("| 1,000,000"))
                .findFirst()
                .orElseThrow();
        assertEquals(13, cells(row).stream().filter("-"::equals).count(), row);
        assertTrue(markdown.contains("- 1,000,000 tracks: ingest exited with 1: see ingest.log"), markdown);
    }

    @Test
    void theJsonHoldsNumbersAndNullsOnly() {
        JsonNode json = Json.read(Json.writePretty(run(List.of(measured(), failed()))));
        JsonNode first = json.path("rows").get(0);
        assertEquals(5000, first.path("tracks").asLong());
        assertEquals(
                80.511, first.path("latencies").path("playlist").path("p95").asDouble());
        assertTrue(json.path("rows").get(1).path("ingestSeconds").isNull());
    }

    @Test
    void aRunGrowsOneSizeAtATimeAndKeepsTheServicesJvmOptions() {
        ScaleRun empty = run(List.of());
        ScaleRun one = empty.with(new ScaleStep.Measured(measured(), List.of("-Xmx1g")));
        ScaleRun two = one.with(new ScaleStep.Measured(failed(), List.of()));
        assertEquals(
                List.of(5000L, 1_000_000L), two.rows().stream().map(Row::tracks).toList());
        assertEquals(List.of("-Xmx1g"), two.jvmOptions(), "a size whose service never ran changes no option");
        assertEquals(List.of(), empty.rows());
    }

    @Test
    void sizesAreMegabytesThenGigabytes() {
        assertEquals("594 MB", ScaleReport.bytes(594 * MIB));
        assertEquals("1.50 GB", ScaleReport.bytes(1536 * MIB));
        assertEquals("-", ScaleReport.bytes(null));
        assertEquals("96.0 s", ScaleReport.seconds(new BigDecimal("96.0")));
        assertEquals("8.5 min", ScaleReport.seconds(new BigDecimal("510")));
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.length() - 1);
        return List.of(inner.split("\\|", -1)).stream().map(String::strip).toList();
    }

    private static ScaleRun run(List<Row> rows) {
        return new ScaleRun(
                "2026-11-30T20:58:37Z",
                "abc1234",
                "openjdk version \"25.0.3\"",
                List.of("--add-modules", "jdk.incubator.vector", "-XX:+UseG1GC"),
                2,
                "tools/bench/scale run --tracks 5000",
                21,
                "tools/bench/prompts.txt",
                rows);
    }

    private static Row measured() {
        Map<String, Latency> latencies = new LinkedHashMap<>();
        latencies.put("playlist", latency(0, "36.284", "80.511"));
        latencies.put("playlist c2", latency(2, "51.323", "104.509"));
        latencies.put("search", latency(0, "3.929", "12.471"));
        latencies.put("search c2", latency(0, "6.1", "20.4"));
        latencies.put("search filtered", latency(0, "5.2", "19.0"));
        return new Row(
                5000,
                5000L,
                new BigDecimal("17.850"),
                new BigDecimal("280.108"),
                449 * MIB,
                8 * MIB,
                new BigDecimal("20.1"),
                new BigDecimal("14.841"),
                594 * MIB,
                626 * MIB,
                latencies,
                new BigDecimal("0.7126"),
                null,
                List.of(),
                "1.50 1.20 0.90");
    }

    private static Row failed() {
        return new Row(
                1_000_000,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Map.of(),
                null,
                null,
                List.of("ingest exited with 1: see ingest.log"),
                "10.28 9.87 6.44");
    }

    private static Latency latency(int errors, String p50, String p95) {
        return new Latency(100, errors, new BigDecimal(p50), new BigDecimal(p95), null, null, null, Map.of());
    }
}
