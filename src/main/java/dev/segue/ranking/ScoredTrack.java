package dev.segue.ranking;

import dev.segue.catalog.Track;
import dev.segue.planner.TagGroup;
import java.util.List;

/**
 * A candidate with its score and the evidence behind it: similarity to the query, which of the listener's wishes
 * its tags meet (and which required ones they miss). The explainer writes reasons from exactly this evidence.
 */
public record ScoredTrack(
        Track track,
        double score,
        double similarity,
        List<TagGroup> matched,
        List<TagGroup> missedRequired,
        boolean kept) {

    /** True when the track meets every required group of the intent. */
    public boolean fits() {
        return missedRequired.isEmpty();
    }

    public ScoredTrack withScore(double value) {
        return new ScoredTrack(track, value, similarity, matched, missedRequired, kept);
    }
}
