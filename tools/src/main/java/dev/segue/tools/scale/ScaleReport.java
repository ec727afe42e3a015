package dev.segue.tools.scale;

import dev.segue.tools.scale.ScaleRun.Latency;
import dev.segue.tools.scale.ScaleRun.Row;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** The markdown report of a scale run: a header saying how it ran, one table row per catalog size, then problems. */
final class ScaleReport {

    private static final double MB = 1024.0 * 1024.0;
    private static final double GB = MB * 1024.0;

    static final String HEADER = "| tracks | ingest wall | ingest tracks/s | ingest peak RSS | index on disk"
            + " | first start | ready after restart | serving RSS | playlist p50 / p95 | playlist c=2 p50 / p95"
            + " | search p50 / p95 | filtered search p50 / p95 | search c=2 p50 / p95 | recall@20 |";

    private ScaleReport() {}

    static String markdown(ScaleRun run) {
        StringBuilder md = new StringBuilder();
        md.append("# Segue scale benchmark\n\n");
        md.append("- Started: ").append(run.started()).append('\n');
        md.append("- Commit: `").append(run.commit()).append("`\n");
        md.append("- Java: `")
                .append(run.java())
                .append("`, JVM options: `")
                .append(String.join(" ", run.jvmOptions()))
                .append("`\n");
        md.append("- CPUs: ")
                .append(run.cpus())
                .append(", seed: ")
                .append(run.seed())
                .append(", prompts: ")
                .append(run.prompts())
                .append('\n');
        md.append("- Command: `").append(run.command()).append("`\n\n");
        md.append("Latencies in ms (nearest rank, warm, successful requests only); c=2: two clients at once.\n\n");
        md.append(HEADER).append('\n');
        md.append("|---:".repeat(14)).append("|\n");
        for (Row row : run.rows()) {
            md.append(row(row)).append('\n');
        }
        md.append("\nLoad average (1, 5, 15 min) when each size was done, with ")
                .append(run.cpus())
                .append(" CPUs: ")
                .append(String.join(
                        "; ",
                        run.rows().stream()
                                .map(row -> String.format(Locale.ROOT, "%,d: %s", row.tracks(), row.loadAverage()))
                                .toList()))
                .append('\n');
        for (Row row : run.rows()) {
            for (String problem : row.problems()) {
                md.append("\n- ")
                        .append(String.format(Locale.ROOT, "%,d", row.tracks()))
                        .append(" tracks: ")
                        .append(problem);
            }
        }
        return md.append('\n').toString();
    }

    static String row(Row row) {
        return "| "
                + String.join(
                        " | ",
                        String.format(Locale.ROOT, "%,d", row.tracks()),
                        seconds(row.ingestSeconds()),
                        row.ingestTracksPerSecond() == null ? "-" : round(row.ingestTracksPerSecond(), 0),
                        bytes(row.ingestPeakRssBytes()),
                        bytes(row.indexBytes()),
                        seconds(row.firstStartSeconds()),
                        seconds(row.readySeconds()),
                        bytes(row.servingRssBytes()),
                        latency(row, "playlist"),
                        latency(row, "playlist c2"),
                        latency(row, "search"),
                        latency(row, "search filtered"),
                        latency(row, "search c2"),
                        row.recallAt20() == null ? "-" : round(row.recallAt20(), 3))
                + " |";
    }

    private static String latency(Row row, String phase) {
        Latency latency = row.latencies().get(phase);
        if (latency == null || latency.p50() == null) {
            return "-";
        }
        String errors = latency.errors() > 0 ? " (" + latency.errors() + " errors)" : "";
        return round(latency.p50(), 1) + " / " + round(latency.p95(), 1) + errors;
    }

    static String seconds(BigDecimal seconds) {
        if (seconds == null) {
            return "-";
        }
        double s = seconds.doubleValue();
        return s >= 120 ? String.format(Locale.ROOT, "%.1f min", s / 60) : String.format(Locale.ROOT, "%.1f s", s);
    }

    static String bytes(Long bytes) {
        if (bytes == null) {
            return "-";
        }
        return bytes >= GB
                ? String.format(Locale.ROOT, "%.2f GB", bytes / GB)
                : String.format(Locale.ROOT, "%.0f MB", bytes / MB);
    }

    private static String round(BigDecimal value, int digits) {
        return value.setScale(digits, RoundingMode.HALF_UP).toPlainString();
    }
}
