package dev.segue.playlist;

import dev.segue.catalog.Track;
import dev.segue.embedding.Vectors;
import dev.segue.ranking.ScoredTrack;
import dev.segue.search.TrackVectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order tracks play in: a gentle energy arc where most tracks have energy values, otherwise a chain of nearest
 * neighbours so each track sounds like the one before it.
 */
final class FlowOrder {

    private FlowOrder() {}

    static List<ScoredTrack> order(List<ScoredTrack> picked, TrackVectors vectors) {
        if (picked.size() < 3) {
            return picked;
        }
        long withEnergy = picked.stream()
                .filter(s ->
                        s.track().features() != null && s.track().features().energy() != null)
                .count();
        if (withEnergy >= picked.size() * 0.8) {
            return energyArc(picked);
        }
        return neighbourChain(picked, vectors);
    }

    /** Rise to a peak about two thirds in, then ease off: low-energy tracks open and close. */
    private static List<ScoredTrack> energyArc(List<ScoredTrack> picked) {
        List<ScoredTrack> byEnergy = new ArrayList<>(picked);
        byEnergy.sort(Comparator.comparingDouble(ScoredTrack::score).reversed());
        byEnergy.sort(Comparator.comparingDouble(s -> energy(s.track())));
        List<ScoredTrack> rising = new ArrayList<>();
        List<ScoredTrack> falling = new ArrayList<>();
        for (int i = 0; i < byEnergy.size(); i++) {
            (i % 3 == 2 ? falling : rising).add(byEnergy.get(i));
        }
        List<ScoredTrack> out = new ArrayList<>(rising);
        for (int i = falling.size() - 1; i >= 0; i--) {
            out.add(falling.get(i));
        }
        return out;
    }

    private static double energy(Track track) {
        return track.features() == null || track.features().energy() == null
                ? 0.5
                : track.features().energy();
    }

    /** Start with the best-scoring track; each next track is the most similar one left (another artist if possible). */
    private static List<ScoredTrack> neighbourChain(List<ScoredTrack> picked, TrackVectors vectors) {
        List<ScoredTrack> left = new ArrayList<>(picked);
        List<ScoredTrack> out = new ArrayList<>(picked.size());
        ScoredTrack current = left.remove(0);
        out.add(current);
        while (!left.isEmpty()) {
            float[] here = vectors.of(current.track());
            ScoredTrack best = null;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (ScoredTrack candidate : left) {
                float[] there = vectors.of(candidate.track());
                double value = here == null || there == null ? 0 : Vectors.dot(here, there);
                if (candidate.track().artist().equals(current.track().artist())) {
                    value -= 0.2; // keep the same artist from playing twice in a row when anything else is close
                }
                value += 0.1 * candidate.score();
                if (value > bestValue) {
                    bestValue = value;
                    best = candidate;
                }
            }
            left.remove(best);
            out.add(best);
            current = best;
        }
        return out;
    }
}
