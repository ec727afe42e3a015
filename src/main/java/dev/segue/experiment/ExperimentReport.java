package dev.segue.experiment;

import dev.segue.diversity.DiversityReport;
import dev.segue.experiment.Statistics.Difference;
import dev.segue.experiment.Statistics.Estimate;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An experiment's report: per arm its listeners, exposures and metrics (a mean over listeners with its 95% interval),
 * each treatment against the control (difference, 95% interval, p-value), and the sample-ratio check.
 */
public record ExperimentReport(
        Experiment experiment,
        Instant generatedAt,
        int users,
        int exposures,
        SampleRatioCheck sampleRatio,
        List<MetricInfo> metrics,
        List<ArmReport> arms) {

    /** Listeners per arm against the weights: a mismatch means the split (or the logging) is broken. */
    public record SampleRatioCheck(
            List<Long> users,
            List<Double> expectedShares,
            double chiSquare,
            double pValue,
            double alpha,
            boolean mismatch) {}

    public record MetricInfo(String key, String label, boolean higherIsBetter, boolean guardrail) {

        static MetricInfo of(Metric m) {
            return new MetricInfo(m.key(), m.label(), m.higherIsBetter(), m.guardrail());
        }
    }

    /**
     * One arm. {@code versusControl} is null for the control. {@code diversity}: how varied and fair what the arm
     * showed was (docs/diversity.md), null when no exposure recorded its tracks.
     */
    public record ArmReport(
            String name,
            double weight,
            Map<String, Object> options,
            boolean control,
            int users,
            int exposures,
            Map<String, Estimate> metrics,
            Map<String, Difference> versusControl,
            DiversityReport diversity) {}
}
