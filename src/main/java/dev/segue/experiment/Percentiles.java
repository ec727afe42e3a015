package dev.segue.experiment;

import dev.segue.experiment.Statistics.Difference;
import dev.segue.experiment.Statistics.Estimate;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * p95 latency of an arm over its exposures, with 95% intervals from a bootstrap that resamples listeners (not
 * exposures: one listener's requests are not independent). The seed is fixed, so a report reads the same twice.
 */
final class Percentiles {

    private static final int ROUNDS = 400;
    private static final long SEED = 18;

    private Percentiles() {}

    static Estimate p95(List<Listener> listeners) {
        double value = p95Of(listeners.stream()
                .flatMap(l -> l.latencies().stream())
                .mapToDouble(Double::doubleValue)
                .toArray());
        if (Double.isNaN(value)) {
            return new Estimate(0, null, null, null);
        }
        if (listeners.size() < 2) {
            return new Estimate(listeners.size(), value, null, null);
        }
        double[] draws = draws(listeners, new SplittableRandom(SEED));
        return new Estimate(listeners.size(), value, quantile(draws, 0.025), quantile(draws, 0.975));
    }

    static Difference p95Difference(List<Listener> treatment, List<Listener> control) {
        Double t95 = p95(treatment).mean();
        Double c95 = p95(control).mean();
        if (t95 == null || c95 == null) {
            return new Difference(null, null, null, null);
        }
        double diff = t95 - c95;
        if (treatment.size() < 2 || control.size() < 2) {
            return new Difference(diff, null, null, null);
        }
        SplittableRandom random = new SplittableRandom(SEED);
        double[] t = draws(treatment, random);
        double[] c = draws(control, random);
        double[] d = new double[ROUNDS];
        int below = 0;
        int above = 0;
        for (int i = 0; i < ROUNDS; i++) {
            d[i] = t[i] - c[i];
            below += d[i] <= 0 ? 1 : 0;
            above += d[i] >= 0 ? 1 : 0;
        }
        double p = Math.min(1, 2.0 * Math.min(below, above) / ROUNDS);
        return new Difference(diff, quantile(d, 0.025), quantile(d, 0.975), p);
    }

    private static double[] draws(List<Listener> listeners, SplittableRandom random) {
        double[] out = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            double[] pooled = random.ints(listeners.size(), 0, listeners.size())
                    .mapToObj(listeners::get)
                    .flatMap(l -> l.latencies().stream())
                    .mapToDouble(Double::doubleValue)
                    .toArray();
            out[r] = p95Of(pooled);
        }
        return out;
    }

    /** Nearest-rank 95th percentile; NaN with nothing to rank. */
    static double p95Of(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }
}
