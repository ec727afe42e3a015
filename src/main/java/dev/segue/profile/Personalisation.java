package dev.segue.profile;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.Track;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a listener's history adds to a request: a direction in the embedding space (their liked and played tracks),
 * tag and artist affinities in -1..1, tracks they disliked, their recent likes (for "more of what I liked") and their
 * most recent plays and likes (the transformer ranker's context tokens).
 */
public record Personalisation(
        float[] centroid,
        Map<String, Double> tagAffinity,
        Map<String, Double> artistAffinity,
        Set<String> disliked,
        List<String> recentLikes,
        List<String> recentTracks) {

    /** How much this listener's taste favours a track, in -1..1 (0 when it says nothing). */
    public double affinity(Track track) {
        if (disliked.contains(track.id())) {
            return -1;
        }
        double tags = 0;
        int n = 0;
        for (List<String> list : List.of(track.genres(), track.moods(), track.instruments())) {
            for (String tag : list) {
                Double a = tagAffinity.get(tag);
                if (a != null) {
                    tags += a;
                    n++;
                }
            }
        }
        double artist = artistAffinity.getOrDefault(Catalog.artistKey(track.artist()), 0.0);
        double tagPart = n == 0 ? 0 : tags / n;
        return Math.max(-1, Math.min(1, 0.6 * tagPart + 0.4 * artist));
    }
}
