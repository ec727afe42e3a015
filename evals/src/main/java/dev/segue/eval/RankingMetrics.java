package dev.segue.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores a generated playlist against a reference one, as the RecSys Challenge 2018 did for its title-only task:
 * R-precision, NDCG@10 and recall@50 over track ids (exact id matches; the challenge's partial credit for a matching
 * artist is left out, so these numbers are a little stricter than the challenge's).
 *
 * <p>Those three read the playlist's order, and Segue orders a playlist for flow (an energy arc, or a chain of
 * neighbours), not by relevance: they partly measure where the arc puts the hits. {@code recall} (the share of the
 * reference tracks anywhere in the playlist) reads only which tracks were chosen: what retrieval and ranking decide.
 */
public final class RankingMetrics {

    private RankingMetrics() {}

    public static Map<String, Double> score(List<String> ranked, Set<String> relevant) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (relevant.isEmpty()) {
            return out;
        }
        out.put("r_precision", hits(ranked, relevant, relevant.size()) / (double) relevant.size());
        out.put("ndcg_at_10", ndcg(ranked, relevant, 10));
        out.put("recall_at_50", hits(ranked, relevant, 50) / (double) relevant.size());
        out.put("recall", hits(ranked, relevant, ranked.size()) / (double) relevant.size());
        return out;
    }

    public static int hits(List<String> ranked, Set<String> relevant, int k) {
        return (int) ranked.stream().limit(k).filter(relevant::contains).count();
    }

    public static double ndcg(List<String> ranked, Set<String> relevant, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                dcg += 1 / log2(i + 2);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevant.size()); i++) {
            ideal += 1 / log2(i + 2);
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
