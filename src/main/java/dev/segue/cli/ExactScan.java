package dev.segue.cli;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.Track;
import dev.segue.embedding.VectorKey;
import dev.segue.search.Filters;
import dev.segue.search.Hit;
import dev.segue.search.SearchFilter;
import dev.segue.search.TrackVectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.lucene.util.VectorUtil;

/**
 * The truth {@link IndexRecallCommand} measures against: every track scored against the query, allowed or not by
 * {@link Filters#allows}, ties to the earlier track. Identical vectors are scored once per query (the catalog's
 * vectors are read and grouped once, up front), which keeps a scan of a million tracks well under a second.
 */
final class ExactScan {

    record Scored(Track track, int position, float score) {}

    private static final Comparator<Scored> WORSE_FIRST =
            Comparator.comparingDouble(Scored::score).thenComparing(Scored::position, Comparator.reverseOrder());

    private final Catalog catalog;
    private final float[][] distinct;
    private final int[] vectorOfTrack;

    private ExactScan(Catalog catalog, float[][] distinct, int[] vectorOfTrack) {
        this.catalog = catalog;
        this.distinct = distinct;
        this.vectorOfTrack = vectorOfTrack;
    }

    static ExactScan of(Catalog catalog, TrackVectors vectors) {
        Map<VectorKey, Integer> ids = new HashMap<>();
        List<float[]> distinct = new ArrayList<>();
        int[] vectorOfTrack = new int[catalog.size()];
        for (int position = 0; position < catalog.size(); position++) {
            float[] vector = vectors.of(catalog.at(position));
            vectorOfTrack[position] = ids.computeIfAbsent(new VectorKey(vector), key -> {
                distinct.add(key.vector());
                return distinct.size() - 1;
            });
        }
        return new ExactScan(catalog, distinct.toArray(float[][]::new), vectorOfTrack);
    }

    int distinct() {
        return distinct.length;
    }

    /** The k best allowed tracks, best first. */
    List<Scored> top(float[] query, SearchFilter filter, int k) {
        float[] scores = new float[distinct.length];
        for (int v = 0; v < distinct.length; v++) {
            scores[v] = VectorUtil.dotProduct(query, distinct[v]);
        }
        PriorityQueue<Scored> best = new PriorityQueue<>(k + 1, WORSE_FIRST);
        for (int position = 0; position < vectorOfTrack.length; position++) {
            float score = scores[vectorOfTrack[position]];
            if (best.size() == k && score <= best.peek().score()) {
                continue; // not better than the k-th (an equal score loses to the earlier track)
            }
            Track track = catalog.at(position);
            if (!Filters.allows(filter, track)) {
                continue;
            }
            best.add(new Scored(track, position, score));
            if (best.size() > k) {
                best.poll();
            }
        }
        List<Scored> ranked = new ArrayList<>(best);
        ranked.sort(WORSE_FIRST.reversed());
        return ranked;
    }

    /**
     * The share of the true top k the index found. A hit that is not in it still counts when it is allowed and scores
     * as well as the k-th (a tie the index broke another way).
     */
    double recall(float[] query, List<Scored> truth, List<Hit> found, SearchFilter filter) {
        if (truth.isEmpty()) {
            return found.isEmpty() ? 1.0 : 0.0;
        }
        Set<String> expected = new HashSet<>();
        truth.forEach(s -> expected.add(s.track().id()));
        float kth = truth.get(truth.size() - 1).score();
        int correct = 0;
        Set<String> seen = new HashSet<>();
        for (Hit hit : found) {
            if (!seen.add(hit.trackId())) {
                continue;
            }
            if (expected.contains(hit.trackId())) {
                correct++;
            } else {
                int position = catalog.position(hit.trackId());
                boolean tie = position >= 0
                        && VectorUtil.dotProduct(query, distinct[vectorOfTrack[position]]) >= kth - 1e-5f
                        && Filters.allows(filter, catalog.at(position));
                correct += tie ? 1 : 0;
            }
        }
        return Math.min(correct, truth.size()) / (double) truth.size();
    }
}
