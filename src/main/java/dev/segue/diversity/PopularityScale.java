package dev.segue.diversity;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.Track;
import java.util.Optional;

/**
 * Where a track's popularity sits in its catalog: the long tail is below the catalog's median popularity, the head at
 * or above its 80th percentile (the top fifth), the middle between. Tracks without a popularity are in no bucket.
 */
record PopularityScale(double median, double headFrom) {

    enum Bucket {
        HEAD,
        MID,
        TAIL
    }

    /** The catalog's scale, or empty when no track of it has a popularity. */
    static Optional<PopularityScale> of(Catalog catalog) {
        double[] values = catalog.tracks().stream()
                .map(Track::popularity)
                .filter(p -> p != null)
                .mapToDouble(Double::doubleValue)
                .sorted()
                .toArray();
        if (values.length == 0) {
            return Optional.empty();
        }
        return Optional.of(new PopularityScale(quantile(values, 0.5), quantile(values, 0.8)));
    }

    Optional<Bucket> bucket(Track track) {
        Double popularity = track.popularity();
        if (popularity == null) {
            return Optional.empty();
        }
        if (popularity < median) {
            return Optional.of(Bucket.TAIL);
        }
        return Optional.of(popularity >= headFrom ? Bucket.HEAD : Bucket.MID);
    }

    /** Linear interpolation between the closest ranks (the median of an even count is the mean of the middle two). */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
