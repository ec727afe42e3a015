package dev.segue.tools.bench;

import static dev.segue.tools.common.Numbers.fixed;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The human-readable results: a table on the terminal and the same as markdown to paste into a README. */
final class BenchReport {

    private static final String TABLE_ROW = "%-11s %5s %8s %7s %9s %9s %9s %9s %9s %9s %7s%n";

    private BenchReport() {}

    static void printTable(BenchRun run, PrintWriter out) {
        out.println();
        out.printf(
                TABLE_ROW,
                "phase",
                "conc",
                "requests",
                "errors",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "max ms",
                "mean ms",
                "req/s",
                "tracks");
        for (PhaseStats p : run.phases()) {
            out.printf(TABLE_ROW, (Object[]) cells(p).toArray(String[]::new));
            if (p.errors() > 0) {
                out.println("  outcomes: " + p.outcomes());
            }
        }
        out.println();
        out.flush();
    }

    static String markdown(BenchRun run) {
        StringBuilder md = new StringBuilder();
        md.append("### Segue benchmark, ")
                .append(run.started().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        if (run.options().label() != null) {
            md.append(" (").append(run.options().label()).append(")");
        }
        md.append("\n\n| Phase | Concurrency | Requests | Errors | p50 ms | p95 ms | p99 ms | max ms | mean ms | req/s"
                + " | tracks/playlist |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (PhaseStats p : run.phases()) {
            md.append("| ").append(String.join(" | ", cells(p))).append(" |\n");
        }
        md.append("\nCommand: `").append(run.command()).append("` (").append(run.promptCount());
        md.append(" prompts, warm-up rounds: ").append(run.options().warmup()).append(")  \n");
        md.append("Client: Java ").append(System.getProperty("java.version")).append(", ");
        md.append(System.getProperty("os.name"))
                .append(' ')
                .append(System.getProperty("os.arch"))
                .append(", ");
        md.append(Runtime.getRuntime().availableProcessors()).append(" CPUs  \n");
        md.append("Latency: send + full body read, nearest-rank percentiles over 201 responses.\n");
        for (PhaseStats p : run.phases()) {
            if (p.errors() > 0) {
                md.append("\nErrors in ")
                        .append(p.name())
                        .append(": ")
                        .append(p.outcomes())
                        .append('\n');
            }
        }
        return md.toString();
    }

    /** One phase's row, in the column order of both the table and the markdown. */
    private static List<String> cells(PhaseStats p) {
        return List.of(
                p.name(),
                Integer.toString(p.concurrency()),
                Integer.toString(p.requests()),
                Integer.toString(p.errors()),
                fixed(p.p50(), 1),
                fixed(p.p95(), 1),
                fixed(p.p99(), 1),
                fixed(p.max(), 1),
                fixed(p.mean(), 1),
                fixed(p.throughput(), 1),
                fixed(p.meanTracks(), 1));
    }
}
