package dev.segue.tools.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a simulation proves: the A/A false-positive rate at alpha 0.05 per metric (with its Wilson interval, which
 * should hold 5%), how often the sample-ratio check fired on a correct split, and whether the A/B report found the
 * worse arm with the right sign.
 */
final class SimulationReport {

    static final double ALPHA = 0.05;

    /** The listening metrics, and the sign a worse arm must show on each (+1: higher when worse). */
    static final Map<String, Integer> WORSE_SIGN =
            linked("skipRate", 1, "completionRate", -1, "likeRate", -1, "playsPerPlaylist", -1, "saveRate", -1);

    /** The A/A false positives of one metric. */
    record FalsePositives(String metric, Wilson rate) {}

    /** The A/B result on one metric. */
    record Detection(
            String metric,
            double control,
            double worse,
            double difference,
            double low,
            double high,
            double pValue,
            boolean detected) {}

    record Result(
            Map<String, Object> settings,
            int listeners,
            int playlists,
            List<FalsePositives> aa,
            Wilson sampleRatioFlags,
            String abExperiment,
            List<Detection> ab) {}

    private SimulationReport() {}

    static Result of(Simulation.Reports reports, Map<String, Object> settings) {
        List<FalsePositives> aa = new ArrayList<>();
        for (String metric : WORSE_SIGN.keySet()) {
            int tested = 0;
            int significant = 0;
            for (JsonNode r : reports.aa()) {
                JsonNode p = r.path("arms")
                        .path(1)
                        .path("versusControl")
                        .path(metric)
                        .path("pValue");
                if (p.isNumber()) {
                    tested++;
                    significant += p.asDouble() < ALPHA ? 1 : 0;
                }
            }
            aa.add(new FalsePositives(metric, Wilson.of(significant, tested)));
        }
        int flagged = (int) reports.aa().stream()
                .filter(r -> r.path("sampleRatio").path("mismatch").asBoolean())
                .count();
        List<Detection> ab = new ArrayList<>();
        JsonNode arms = reports.ab().path("arms");
        for (Map.Entry<String, Integer> m : WORSE_SIGN.entrySet()) {
            JsonNode d = arms.path(1).path("versusControl").path(m.getKey());
            double diff = d.path("difference").asDouble(Double.NaN);
            double p = d.path("pValue").asDouble(Double.NaN);
            ab.add(new Detection(
                    m.getKey(),
                    arms.path(0).path("metrics").path(m.getKey()).path("mean").asDouble(Double.NaN),
                    arms.path(1).path("metrics").path(m.getKey()).path("mean").asDouble(Double.NaN),
                    diff,
                    d.path("low").asDouble(Double.NaN),
                    d.path("high").asDouble(Double.NaN),
                    p,
                    p < ALPHA && Math.signum(diff) == m.getValue()));
        }
        return new Result(
                settings,
                reports.listeners(),
                reports.playlists(),
                aa,
                Wilson.of(flagged, reports.aa().size()),
                reports.abId(),
                ab);
    }

    static String markdown(Result r, JsonNode abReport) {
        StringBuilder md = new StringBuilder("# Experiment simulator: does the report tell the truth?\n\n");
        md.append("Written by `tools/experiments/simulate` (")
                .append(r.settings())
                .append(").\n\n");
        md.append(String.format(
                Locale.ROOT,
                "%d simulated listeners (tastes from the held-out Spotify playlists) made %d playlists through the"
                        + " running service, each assigned in %d A/A experiments and one A/B experiment at once.%n%n",
                r.listeners(),
                r.playlists(),
                r.aa().get(0).rate().trials()));
        md.append("## A/A: false positives at alpha = 0.05\n\n");
        md.append("Two identical arms: every significant difference is a false positive. The rate should be near 5%,")
                .append(" its 95% Wilson interval holding 5%.\n\n");
        md.append("| metric | A/A experiments | p < 0.05 | false-positive rate | 95% Wilson interval | holds 5%? |\n");
        md.append("|---|---:|---:|---:|---|---|\n");
        for (FalsePositives f : r.aa()) {
            Wilson w = f.rate();
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %.1f%% | %.1f%% to %.1f%% | %s |%n",
                    f.metric(),
                    w.trials(),
                    w.successes(),
                    100 * w.rate(),
                    100 * w.low(),
                    100 * w.high(),
                    w.contains(ALPHA) ? "yes" : "NO"));
        }
        Wilson srm = r.sampleRatioFlags();
        md.append(String.format(
                Locale.ROOT,
                "%nSample-ratio check (flags at p < 0.001) on these correct splits: %d of %d flagged.%n%n",
                srm.successes(),
                srm.trials()));
        abSection(md, r, abReport);
        return md.toString();
    }

    private static void abSection(StringBuilder md, Result r, JsonNode abReport) {
        md.append("## A/B: a known worse arm\n\n");
        md.append("Arm `worse` sets ")
                .append(abReport.path("arms").path(1).path("options"))
                .append(", the control ")
                .append(abReport.path("arms").path(0).path("options"))
                .append(". Users per arm: ")
                .append(abReport.path("sampleRatio").path("users"))
                .append(" (sample-ratio p = ")
                .append(String.format(
                        Locale.ROOT,
                        "%.3f",
                        abReport.path("sampleRatio").path("pValue").asDouble()))
                .append(").\n\n");
        md.append("| metric | control | worse | worse - control | 95% interval | p-value | detected, right sign |\n");
        md.append("|---|---:|---:|---:|---|---:|---|\n");
        for (Detection d : r.ab()) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.4f | %.4f | %+.4f | %+.4f to %+.4f | %.2g | %s |%n",
                    d.metric(),
                    d.control(),
                    d.worse(),
                    d.difference(),
                    d.low(),
                    d.high(),
                    d.pValue(),
                    d.detected() ? "yes" : "no"));
        }
    }

    private static Map<String, Integer> linked(Object... pairs) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return out;
    }
}
