package dev.segue.catalog;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A console progress bar for long steps (ingestion, embedding, indexing). On a terminal it redraws one line;
 * in logs (no console) it prints a line every 10% so CI output stays short.
 */
public class ProgressBar {

    /** Discards all progress (tests, library use). */
    public static final ProgressBar SILENT = new ProgressBar(null, "", false);

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private final boolean redraw;
    private long total = -1;
    private int lastPercent = -1;
    private final long startNanos = System.nanoTime();

    private ProgressBar(PrintStream out, String label, boolean redraw) {
        this.out = out;
        this.label = label;
        this.redraw = redraw;
    }

    public static ProgressBar console(String label) {
        return new ProgressBar(System.err, label, System.console() != null);
    }

    public ProgressBar child(String childLabel) {
        return out == null ? SILENT : new ProgressBar(out, childLabel, redraw);
    }

    public void total(long value) {
        this.total = value;
    }

    public synchronized void update(long done, String unit) {
        if (out == null || total <= 0) {
            return;
        }
        int percent = (int) Math.min(100, done * 100 / total);
        boolean shouldPrint = redraw ? percent != lastPercent : percent / 10 != lastPercent / 10 || lastPercent < 0;
        if (!shouldPrint) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        String line = String.format(
                Locale.ROOT, "%-22s [%s] %3d%%  %,d/%,d %s%s", label, bar, percent, done, total, unit, eta(done));
        if (redraw) {
            out.print("\r" + line);
            if (percent == 100) {
                out.println();
            }
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Time left at the rate so far, once there is a rate to go by. */
    private String eta(long done) {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        if (done <= 0 || done >= total || elapsed < 2) {
            return "";
        }
        long left = Math.round(elapsed * (total - done) / done);
        return left >= 60
                ? String.format(Locale.ROOT, "  eta %dm%02ds", left / 60, left % 60)
                : String.format(Locale.ROOT, "  eta %ds", left);
    }

    public void done(String summary) {
        if (out == null) {
            return;
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        if (redraw && lastPercent >= 0 && lastPercent < 100) {
            out.println();
        }
        out.printf(Locale.ROOT, "%-22s %s (%.1f s)%n", label, summary, seconds);
        out.flush();
    }
}
