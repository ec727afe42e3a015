package dev.segue.eval.report;

import dev.segue.eval.Format;
import dev.segue.eval.Metrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The geometry of the report's inline SVG charts (templates/HtmlReport/report.html draws them): no scripts, no fonts,
 * nothing fetched, so the report opens anywhere. Coordinates are formatted here, one decimal, as the markup wants them.
 */
public final class SvgCharts {

    private static final String[] PALETTE = {
        "#4269d0", "#efb118", "#ff725c", "#6cc5b0", "#3ca951", "#ff8ab7", "#a463f2", "#97bbf5"
    };
    private static final int LEFT = 130;
    private static final int WIDTH = 640;

    /** One variant's numbers; {@code color} is its index in the run, so it keeps its colour in every chart. */
    public record Series(String name, int color, Map<String, Double> values) {}

    /** Grouped bars on a 0..1 scale: one group per metric, one bar per variant, under a legend. */
    public record QualityChart(
            int width, int height, int legend, List<Legend> legendItems, List<Tick> ticks, List<Group> groups) {}

    public record Legend(String x, String textX, String color, String name) {}

    /** A grid line from the top to {@code bottom}, labelled under the axis. */
    public record Tick(String x, String bottom, String labelY, String label) {}

    public record Group(String labelX, String labelY, String metric, List<Bar> bars, Mark threshold) {}

    /** A variant's bar ({@code value} empty when it measured nothing) and its baseline tick (or null). */
    public record Bar(
            String y,
            String width,
            String color,
            String title,
            String value,
            String valueX,
            String valueY,
            Mark baseline) {}

    /** A vertical mark from y1 to y2 with a tooltip. */
    public record Mark(String x, String y1, String y2, String title) {}

    /** Latency histograms, one row per variant on a shared log axis. */
    public record LatencyChart(int width, int height, List<Tick> ticks, List<LatencyRow> rows) {}

    public record LatencyRow(String labelX, String labelY, String name, List<Bin> bins, List<Percentile> percentiles) {}

    public record Bin(String x, String y, String width, String height, String color, int count) {}

    public record Percentile(
            String x,
            String y1,
            String y2,
            String dash,
            int p,
            String value,
            String labelX,
            String labelY,
            String anchor,
            String label) {}

    private SvgCharts() {}

    static String color(int i) {
        return PALETTE[i % PALETTE.length];
    }

    /** A black dashed tick marks a threshold (minimum), a grey one the baseline value. */
    static QualityChart qualityBars(
            List<String> metrics,
            List<Series> series,
            Map<String, Double> thresholds,
            List<Map<String, Double>> baselines) {
        int bar = 14;
        int gap = 12;
        int plot = WIDTH - LEFT - 60;
        int groupHeight = series.size() * bar + gap;
        int legend = 22;
        int height = metrics.size() * groupHeight + 30;
        List<Legend> legendItems = new ArrayList<>();
        double lx = LEFT;
        for (Series s : series) {
            legendItems.add(new Legend(px(lx), px(lx + 14), color(s.color()), s.name()));
            lx += 24 + 6.5 * s.name().length();
        }
        List<Tick> ticks = new ArrayList<>();
        for (int tick = 0; tick <= 10; tick += 2) {
            double x = LEFT + plot * tick / 10.0;
            ticks.add(new Tick(px(x), px(height - 22), px(height - 8), Format.number(tick / 10.0)));
        }
        List<Group> groups = new ArrayList<>();
        for (int m = 0; m < metrics.size(); m++) {
            String metric = metrics.get(m);
            double y0 = m * groupHeight + gap / 2.0;
            List<Bar> bars = new ArrayList<>();
            for (int s = 0; s < series.size(); s++) {
                Double base = baselines.get(s) == null ? null : baselines.get(s).get(metric);
                bars.add(bar(series.get(s), metric, y0 + s * bar, bar, plot, base, thresholds.get(metric)));
            }
            Double min = thresholds.get(metric);
            Mark threshold = min == null
                    ? null
                    : new Mark(
                            px(LEFT + plot * clamp(min)),
                            px(y0 - 3),
                            px(y0 + series.size() * bar + 3),
                            "threshold >= " + Format.number(min));
            groups.add(new Group(px(LEFT - 8), px(y0 + series.size() * bar / 2.0 + 4), metric, bars, threshold));
        }
        return new QualityChart(WIDTH, height + legend, legend, legendItems, ticks, groups);
    }

    private static Bar bar(Series s, String metric, double y, int bar, int plot, Double base, Double threshold) {
        Double value = s.values().get(metric);
        Mark baseline = base == null
                ? null
                : new Mark(
                        px(LEFT + plot * clamp(base)), px(y), px(y + bar), "baseline " + Format.metric(metric, base));
        if (value == null) {
            return new Bar(px(y + 1), "", color(s.color()), "", "", "", "", baseline);
        }
        double labelAt = Math.max(value, Math.max(base == null ? 0 : base, threshold == null ? 0.0 : threshold));
        String shown = Format.metric(metric, value);
        return new Bar(
                px(y + 1),
                px(Math.max(1, plot * clamp(value))),
                color(s.color()),
                s.name() + " " + metric + " = " + shown,
                shown,
                px(LEFT + plot * clamp(labelAt) + 5),
                px(y + bar - 3),
                baseline);
    }

    /** Latency histograms on a log scale with the median and p95 marked; null when nothing was measured. */
    static LatencyChart latencyHistograms(List<Series> names, List<double[]> latencies) {
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (double[] l : latencies) {
            for (double v : l) {
                lo = Math.min(lo, Math.max(0.5, v));
                hi = Math.max(hi, v);
            }
        }
        if (hi == 0) {
            return null;
        }
        double logLo = Math.floor(Math.log10(lo) * 4) / 4; // quarter decades
        LogAxis axis = new LogAxis(logLo, Math.max(logLo + 0.25, Math.ceil(Math.log10(hi) * 4) / 4));
        int rowHeight = 56;
        int height = names.size() * rowHeight + 30;
        List<LatencyRow> rows = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            rows.add(latencyRow(names.get(s), latencies.get(s), s * rowHeight + 6, rowHeight, axis));
        }
        return new LatencyChart(WIDTH, height, axis.ticks(height), rows);
    }

    /** The shared axis of the latency chart: log10(ms) from {@code lo} to {@code hi}. */
    private record LogAxis(double lo, double hi) {

        static final int PLOT = WIDTH - LEFT - 20;
        static final int BINS = 24;

        double x(double ms) {
            return LEFT + PLOT * (Math.log10(Math.max(0.5, ms)) - lo) / (hi - lo);
        }

        int bin(double ms) {
            int b = (int) ((Math.log10(Math.max(0.5, ms)) - lo) / (hi - lo) * BINS);
            return Math.max(0, Math.min(BINS - 1, b));
        }

        /** 1, 2 and 5 times each power of ten on the axis; the first decade's 1 says "ms". */
        List<Tick> ticks(int height) {
            List<Tick> ticks = new ArrayList<>();
            for (double decade = Math.ceil(lo); decade <= hi; decade++) {
                for (int mult : new int[] {1, 2, 5}) {
                    double v = mult * Math.pow(10, decade);
                    double lv = Math.log10(v);
                    if (lv < lo || lv > hi) {
                        continue;
                    }
                    String label = Format.number(v) + (mult == 1 && decade == Math.ceil(lo) ? " ms" : "");
                    double x = LEFT + PLOT * (lv - lo) / (hi - lo);
                    ticks.add(new Tick(px(x), px(height - 22), px(height - 8), label));
                }
            }
            return ticks;
        }
    }

    private static LatencyRow latencyRow(Series series, double[] values, double y0, int rowHeight, LogAxis axis) {
        List<Bin> bins = new ArrayList<>();
        List<Percentile> percentiles = new ArrayList<>();
        if (values.length > 0) {
            int[] counts = new int[LogAxis.BINS];
            for (double v : values) {
                counts[axis.bin(v)]++;
            }
            int max = Math.max(1, Arrays.stream(counts).max().orElse(1));
            double binWidth = LogAxis.PLOT / (double) LogAxis.BINS;
            for (int b = 0; b < LogAxis.BINS; b++) {
                if (counts[b] > 0) {
                    double h = (rowHeight - 14) * counts[b] / (double) max;
                    bins.add(new Bin(
                            px(LEFT + b * binWidth + 0.5),
                            px(y0 + rowHeight - 12 - h),
                            px(binWidth - 1),
                            px(h),
                            color(series.color()),
                            counts[b]));
                }
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            for (int p : new int[] {50, 95}) {
                percentiles.add(percentile(p, Metrics.percentile(sorted, p), y0, rowHeight, axis));
            }
        }
        return new LatencyRow(px(LEFT - 8), px(y0 + rowHeight / 2.0), series.name(), bins, percentiles);
    }

    private static Percentile percentile(int p, double ms, double y0, int rowHeight, LogAxis axis) {
        double x = axis.x(ms);
        boolean right = x > LEFT + LogAxis.PLOT * 0.8;
        return new Percentile(
                px(x),
                px(y0),
                px(y0 + rowHeight - 12),
                p == 50 ? "none" : "3 2",
                p,
                Format.number(ms),
                px(right ? x - 3 : x + 3),
                px(y0 + 8 + (p == 95 ? 10 : 0)),
                right ? "end" : "start",
                "p" + p + " " + Format.metric("_ms", ms));
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static String px(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
