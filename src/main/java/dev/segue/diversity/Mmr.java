package dev.segue.diversity;

import dev.segue.embedding.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Maximal marginal relevance (Carbonell and Goldstein, 1998): picks, one at a time, the candidate with the best
 * λ·relevance − (1 − λ)·(its highest cosine similarity to those already picked). Relevance is the candidate's rank,
 * from 1 (first) down to 0 (last), so it weighs against a similarity whatever scale the ranker's scores have; λ = 1
 * keeps the ranked order, λ = 0 picks the most unlike.
 */
public final class Mmr {

    private Mmr() {}

    /**
     * The first {@code picks} candidates in MMR order, then the rest in their given (ranked) order. A candidate
     * without a vector is like none picked; ties go to the better ranked.
     */
    public static <T> List<T> order(List<T> ranked, Function<T, float[]> vector, double lambda, int picks) {
        int n = ranked.size();
        double[] rel = new double[n];
        for (int i = 0; i < n; i++) {
            rel[i] = n == 1 ? 1 : 1 - i / (n - 1.0);
        }
        float[][] vectors = new float[n][];
        for (int i = 0; i < n; i++) {
            float[] v = vector.apply(ranked.get(i));
            vectors[i] = v == null ? null : Vectors.normalize(v);
        }
        double[] closest = new double[n];
        boolean[] taken = new boolean[n];
        List<T> out = new ArrayList<>(n);
        for (int step = 0; step < Math.min(picks, n); step++) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double score = lambda * rel[i] - (1 - lambda) * closest[i];
                if (!taken[i] && score > bestScore) {
                    best = i;
                    bestScore = score;
                }
            }
            taken[best] = true;
            out.add(ranked.get(best));
            updateClosest(vectors, best, taken, closest);
        }
        for (int i = 0; i < n; i++) {
            if (!taken[i]) {
                out.add(ranked.get(i));
            }
        }
        return out;
    }

    private static void updateClosest(float[][] vectors, int picked, boolean[] taken, double[] closest) {
        if (vectors[picked] == null) {
            return;
        }
        for (int i = 0; i < vectors.length; i++) {
            if (!taken[i] && vectors[i] != null) {
                closest[i] = Math.max(closest[i], Vectors.dot(vectors[i], vectors[picked]));
            }
        }
    }
}
