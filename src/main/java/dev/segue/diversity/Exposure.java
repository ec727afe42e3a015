package dev.segue.diversity;

import java.util.Arrays;
import java.util.List;

/** The arithmetic behind the diversity metrics, on plain numbers. */
public final class Exposure {

    private Exposure() {}

    /**
     * Gini coefficient of non-negative counts: 0 when every count is equal (or all are zero), (n-1)/n when one holds
     * everything. Computed on the sorted counts: G = 2 Σ i·x(i) / (n Σ x) − (n + 1) / n, i from 1.
     */
    public static double gini(int[] counts) {
        int n = counts.length;
        int[] sorted = counts.clone();
        Arrays.sort(sorted);
        double total = 0;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            total += sorted[i];
            weighted += (i + 1.0) * sorted[i];
        }
        if (total == 0) {
            return 0;
        }
        return 2 * weighted / (n * total) - (n + 1.0) / n;
    }

    /** Mean of 1 − cosine similarity over every pair; 0 with fewer than two vectors. */
    public static double meanPairwiseDistance(List<float[]> vectors) {
        int pairs = 0;
        double sum = 0;
        for (int i = 0; i < vectors.size(); i++) {
            for (int j = i + 1; j < vectors.size(); j++) {
                sum += 1 - cosine(vectors.get(i), vectors.get(j));
                pairs++;
            }
        }
        return pairs == 0 ? 0 : sum / pairs;
    }

    /** Cosine similarity; 0 when either vector is all zeros. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
    }

    /** Jensen–Shannon divergence in bits (0..1) between two distributions over the same buckets. */
    public static double jensenShannon(double[] p, double[] q) {
        double[] m = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            m[i] = (p[i] + q[i]) / 2;
        }
        return (kullbackLeibler(p, m) + kullbackLeibler(q, m)) / 2;
    }

    private static double kullbackLeibler(double[] p, double[] m) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                sum += p[i] * Math.log(p[i] / m[i]) / Math.log(2);
            }
        }
        return sum;
    }
}
