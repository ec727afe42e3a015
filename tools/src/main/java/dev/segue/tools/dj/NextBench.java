package dev.segue.tools.dj;

import static dev.segue.tools.common.Numbers.fixed;

import dev.segue.tools.common.Latencies;
import dev.segue.tools.common.ReportFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Segment planning time: N calls to GET /next in one session, the first few left out while the JIT warms up. */
final class NextBench {

    private static final int MAX_WARMUP_CALLS = 10;

    private NextBench() {}

    /** How many of {@code calls} only warm up: 10, or a fifth of a short run. */
    static int warmupCalls(int calls) {
        return Math.min(MAX_WARMUP_CALLS, calls / 5);
    }

    static void run(DjApi api, String session, int calls, Path outDir, PrintWriter out)
            throws IOException, InterruptedException {
        int warmup = warmupCalls(calls);
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = api.next(session);
            long took = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /next answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= warmup) {
                nanos.add(took);
            }
        }
        String report = row(Latencies.ofNanos(nanos));
        out.print(report);
        Path file = ReportFiles.write(outDir, ReportFiles.name("dj", LocalDateTime.now(), ".md"), report);
        out.println("wrote " + file);
        out.flush();
    }

    /** A markdown table row, as quoted in the README. */
    static String row(Latencies ms) {
        return "| DJ segment planning (GET /next, " + ms.count() + " calls after warm-up) | p50 "
                + fixed(ms.percentileMs(50), 1) + " ms | p95 " + fixed(ms.percentileMs(95), 1) + " ms | max "
                + fixed(ms.maxMs(), 1) + " ms |\n";
    }
}
