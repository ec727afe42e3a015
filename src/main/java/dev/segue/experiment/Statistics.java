package dev.segue.experiment;

import java.util.Arrays;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The statistics of a report, over one value per listener (the unit of randomisation): a mean with its 95% interval
 * (Student's t), the difference of two means by Welch's t-test, and the sample-ratio check (chi-square goodness of
 * fit of the listeners per arm against the weights).
 */
public final class Statistics {

    /** A mean of n values and its 95% interval; the interval is null below two values. */
    public record Estimate(int n, Double mean, Double low, Double high) {}

    /** Treatment minus control: the difference, its 95% interval (Welch) and the two-sided p-value. */
    public record Difference(Double difference, Double low, Double high, Double pValue) {}

    /** Sample-ratio check: chi-square statistic, its p-value, and whether the split looks broken. */
    public record SampleRatio(double chiSquare, double pValue, boolean mismatch) {}

    /** A split is flagged broken below this p-value, as is common: a real mismatch shows far below it. */
    public static final double SRM_ALPHA = 0.001;

    private Statistics() {}

    public static Estimate mean(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new Estimate(0, null, null, null);
        }
        double mean = Arrays.stream(values).average().orElseThrow();
        if (n < 2) {
            return new Estimate(n, mean, null, null);
        }
        double half = critical(n - 1) * Math.sqrt(variance(values, mean) / n);
        return new Estimate(n, mean, mean - half, mean + half);
    }

    /** Welch's t-test of mean(treatment) - mean(control). */
    public static Difference welch(double[] treatment, double[] control) {
        if (treatment.length == 0 || control.length == 0) {
            return new Difference(null, null, null, null);
        }
        double mt = Arrays.stream(treatment).average().orElseThrow();
        double mc = Arrays.stream(control).average().orElseThrow();
        double diff = mt - mc;
        if (treatment.length < 2 || control.length < 2) {
            return new Difference(diff, null, null, null);
        }
        double vt = variance(treatment, mt) / treatment.length;
        double vc = variance(control, mc) / control.length;
        double se = Math.sqrt(vt + vc);
        if (se == 0) {
            return new Difference(diff, diff, diff, diff == 0 ? 1.0 : 0.0);
        }
        double df = (vt + vc) * (vt + vc) / (vt * vt / (treatment.length - 1) + vc * vc / (control.length - 1));
        TDistribution t = new TDistribution(df);
        double p = 2 * t.cumulativeProbability(-Math.abs(diff / se));
        double half = t.inverseCumulativeProbability(0.975) * se;
        return new Difference(diff, diff - half, diff + half, p);
    }

    /** Chi-square goodness of fit of the observed counts against the expected shares (weights). */
    public static SampleRatio sampleRatio(long[] observed, double[] weights) {
        long total = Arrays.stream(observed).sum();
        double weightSum = Arrays.stream(weights).sum();
        if (total == 0 || observed.length < 2) {
            return new SampleRatio(0, 1, false);
        }
        double chi = 0;
        for (int i = 0; i < observed.length; i++) {
            double expected = total * weights[i] / weightSum;
            chi += (observed[i] - expected) * (observed[i] - expected) / expected;
        }
        double p = 1 - new ChiSquaredDistribution(observed.length - 1).cumulativeProbability(chi);
        return new SampleRatio(chi, p, p < SRM_ALPHA);
    }

    private static double critical(int degreesOfFreedom) {
        return new TDistribution(degreesOfFreedom).inverseCumulativeProbability(0.975);
    }

    private static double variance(double[] values, double mean) {
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (values.length - 1);
    }
}
