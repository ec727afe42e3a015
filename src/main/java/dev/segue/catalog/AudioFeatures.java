package dev.segue.catalog;

/** Optional per-track audio features on Spotify's 0..1 scales (tempo in BPM); any of them may be null. */
public record AudioFeatures(
        Double energy,
        Double valence,
        Double danceability,
        Double tempo,
        Double acousticness,
        Double instrumentalness) {

    public boolean isEmpty() {
        return energy == null
                && valence == null
                && danceability == null
                && tempo == null
                && acousticness == null
                && instrumentalness == null;
    }
}
