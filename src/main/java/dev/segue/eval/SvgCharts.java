package dev.segue.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Inline SVG charts for the HTML report: no scripts, no fonts, nothing fetched, so the report opens anywhere. */
final class SvgCharts {

    static final String[] PALETTE = {
        "#4269d0", "#efb118", "#ff725c", "#6cc5b0", "#3ca951", "#ff8ab7", "#a463f2", "#97bbf5"
    };

    /** One variant's numbers; {@code color} is its index in the run, so it keeps its colour in every chart. */
    record Series(String name, int color, Map<String, Double> values) {}

    private SvgCharts() {}

    static String color(int i) {
        return PALETTE[i % PALETTE.length];
    }

    /**
     * Horizontal grouped bars on a 0..1 scale: one group per metric, one bar per variant; a black tick marks a
     * threshold (minimum), a grey tick the baseline value.
     */
    static String qualityBars(
            List<String> metrics,
            List<Series> series,
            Map<String, Double> thresholds,
            List<Map<String, Double>> baselines) {
        int bar = 14;
        int gap = 12;
        int left = 130;
        int width = 640;
        int plot = width - left - 60;
        int groupHeight = series.size() * bar + gap;
        int legend = 22;
        int height = metrics.size() * groupHeight + 30 + legend;
        StringBuilder svg = open(width, height, "quality metrics by variant");
        double lx = left;
        for (Series s : series) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"4\" width=\"10\" height=\"10\" fill=\"%s\"/>",
                    lx,
                    color(s.color())));
            svg.append(text(lx + 14, 13, s.name(), "start", 11, "#222"));
            lx += 24 + 6.5 * s.name().length();
        }
        svg.append("<g transform=\"translate(0 ").append(legend).append(")\">");
        height -= legend;
        for (int tick = 0; tick <= 10; tick += 2) {
            double x = left + plot * tick / 10.0;
            svg.append(line(x, 0, x, height - 22, "#e5e5e5"));
            svg.append(text(x, height - 8, Format.number(tick / 10.0), "middle", 11, "#666"));
        }
        for (int m = 0; m < metrics.size(); m++) {
            String metric = metrics.get(m);
            double y0 = m * groupHeight + gap / 2.0;
            svg.append(text(left - 8, y0 + series.size() * bar / 2.0 + 4, metric, "end", 12, "#222"));
            for (int s = 0; s < series.size(); s++) {
                Double value = series.get(s).values().get(metric);
                double y = y0 + s * bar;
                Double base = baselines.get(s) == null ? null : baselines.get(s).get(metric);
                if (value != null) {
                    double w = Math.max(1, plot * clamp(value));
                    double labelAt =
                            Math.max(value, Math.max(base == null ? 0 : base, thresholds.getOrDefault(metric, 0.0)));
                    svg.append(String.format(
                            Locale.ROOT,
                            "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
                                    + "<title>%s %s = %s</title></rect>",
                            left,
                            y + 1,
                            w,
                            bar - 2,
                            color(series.get(s).color()),
                            HtmlReport.escape(series.get(s).name()),
                            metric,
                            Format.metric(metric, value)));
                    svg.append(text(
                            left + plot * clamp(labelAt) + 5,
                            y + bar - 3,
                            Format.metric(metric, value),
                            "start",
                            10,
                            "#333"));
                }
                if (base != null) {
                    double x = left + plot * clamp(base);
                    svg.append(String.format(
                            Locale.ROOT,
                            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                                    + "stroke=\"#888\" stroke-width=\"2\"><title>baseline %s</title></line>",
                            x,
                            y,
                            x,
                            y + bar,
                            Format.metric(metric, base)));
                }
            }
            Double min = thresholds.get(metric);
            if (min != null) {
                double x = left + plot * clamp(min);
                svg.append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                                + "stroke=\"#000\" stroke-width=\"2\" stroke-dasharray=\"3 2\"><title>threshold &gt;= %s</title></line>",
                        x,
                        y0 - 3,
                        x,
                        y0 + series.size() * bar + 3,
                        Format.number(min)));
            }
        }
        return svg.append("</g></svg>").toString();
    }

    /**
     * Latency histograms on a log scale, one row per variant and a shared axis, with the median and p95 marked.
     */
    static String latencyHistograms(List<Series> names, List<double[]> latencies) {
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (double[] l : latencies) {
            for (double v : l) {
                lo = Math.min(lo, Math.max(0.5, v));
                hi = Math.max(hi, v);
            }
        }
        if (hi == 0) {
            return "<p>No latencies measured.</p>";
        }
        double logLo = Math.floor(Math.log10(lo) * 4) / 4;
        double logHi = Math.max(logLo + 0.25, Math.ceil(Math.log10(hi) * 4) / 4);
        int bins = 24;
        int left = 130;
        int width = 640;
        int plot = width - left - 20;
        int rowHeight = 56;
        int height = names.size() * rowHeight + 30;
        StringBuilder svg = open(width, height, "latency distribution by variant");
        for (double decade = Math.ceil(logLo); decade <= logHi; decade++) {
            for (int mult : new int[] {1, 2, 5}) {
                double v = mult * Math.pow(10, decade);
                double lv = Math.log10(v);
                if (lv < logLo || lv > logHi) {
                    continue;
                }
                double x = left + plot * (lv - logLo) / (logHi - logLo);
                svg.append(line(x, 0, x, height - 22, "#eee"));
                svg.append(text(
                        x,
                        height - 8,
                        Format.number(v) + (mult == 1 && decade == Math.ceil(logLo) ? " ms" : ""),
                        "middle",
                        11,
                        "#666"));
            }
        }
        for (int s = 0; s < names.size(); s++) {
            double[] values = latencies.get(s);
            double y0 = s * rowHeight + 6;
            svg.append(text(left - 8, y0 + rowHeight / 2.0, names.get(s).name(), "end", 12, "#222"));
            if (values.length == 0) {
                continue;
            }
            int[] counts = new int[bins];
            for (double v : values) {
                int b = (int) ((Math.log10(Math.max(0.5, v)) - logLo) / (logHi - logLo) * bins);
                counts[Math.max(0, Math.min(bins - 1, b))]++;
            }
            int max = 1;
            for (int c : counts) {
                max = Math.max(max, c);
            }
            double binWidth = plot / (double) bins;
            for (int b = 0; b < bins; b++) {
                if (counts[b] == 0) {
                    continue;
                }
                double h = (rowHeight - 14) * counts[b] / (double) max;
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                                + "fill=\"%s\" opacity=\"0.85\"><title>%d requests</title></rect>",
                        left + b * binWidth + 0.5,
                        y0 + rowHeight - 12 - h,
                        binWidth - 1,
                        h,
                        color(names.get(s).color()),
                        counts[b]));
            }
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            for (int p : new int[] {50, 95}) {
                double v = Metrics.percentile(sorted, p);
                double x = left + plot * (Math.log10(Math.max(0.5, v)) - logLo) / (logHi - logLo);
                svg.append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#000\" "
                                + "stroke-dasharray=\"%s\"><title>p%d %s ms</title></line>",
                        x,
                        y0,
                        x,
                        y0 + rowHeight - 12,
                        p == 50 ? "none" : "3 2",
                        p,
                        Format.number(v)));
                boolean right = x > left + plot * 0.8;
                svg.append(text(
                        right ? x - 3 : x + 3,
                        y0 + 8 + (p == 95 ? 10 : 0),
                        "p" + p + " " + Format.metric("_ms", v),
                        right ? "end" : "start",
                        10,
                        "#000"));
            }
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(int width, int height, String label) {
        return new StringBuilder(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
                        + "height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\" font-family=\"sans-serif\">",
                width,
                height,
                width,
                height,
                label));
    }

    private static String line(double x1, double y1, double x2, double y2, String stroke) {
        return String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>",
                x1,
                y1,
                x2,
                y2,
                stroke);
    }

    private static String text(double x, double y, String text, String anchor, int size, String fill) {
        return String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" fill=\"%s\">%s</text>",
                x,
                y,
                anchor,
                size,
                fill,
                HtmlReport.escape(text));
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    static List<double[]> latencies(Results.Run run, List<Series> variants) {
        List<double[]> out = new ArrayList<>();
        for (Series v : variants) {
            out.add(run.cases().stream()
                    .filter(c -> c.variant().equals(v.name()))
                    .flatMap(c -> c.turns().stream())
                    .filter(t -> t.httpStatus() > 0)
                    .mapToDouble(Results.Turn::latencyMs)
                    .toArray());
        }
        return out;
    }
}
