package dev.segue.diversity;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.Track;
import dev.segue.search.TrackVectors;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Diversity and fairness of what was shown, against the served catalog: artist exposure concentration, long-tail
 * share, catalog coverage, intra-list diversity and popularity calibration (docs/diversity.md defines each). Track
 * ids the catalog does not hold are left out of every metric.
 */
@ApplicationScoped
public class DiversityMetrics {

    private final Catalog catalog;
    private final TrackVectors vectors;
    private volatile Optional<PopularityScale> scale;
    private volatile int artists = -1;

    public DiversityMetrics(Catalog catalog, TrackVectors vectors) {
        this.catalog = catalog;
        this.vectors = vectors;
    }

    /**
     * @param lists the track-id lists shown (one per playlist version or exposure)
     * @param history the listener's listened track ids (may be empty)
     */
    public DiversityReport measure(List<List<String>> lists, List<String> history) {
        List<List<Track>> shown = lists.stream().map(this::known).toList();
        List<Track> all = shown.stream().flatMap(List::stream).toList();
        Optional<PopularityScale> popularity = popularityScale();
        return new DiversityReport(
                artistGini(all),
                popularity.map(p -> longTailShare(all, p)).orElse(null),
                coverage(all),
                intraListDiversity(shown),
                popularity.map(p -> calibration(all, known(history), p)).orElse(null));
    }

    private List<Track> known(List<String> ids) {
        return ids.stream().map(catalog::find).flatMap(Optional::stream).toList();
    }

    /** Over every artist of the catalog, so an artist never shown counts as zero exposure. */
    private double artistGini(List<Track> shown) {
        Map<String, Integer> perArtist = new HashMap<>();
        shown.forEach(t -> perArtist.merge(Catalog.artistKey(t.artist()), 1, Integer::sum));
        // Shown tracks are catalog tracks, so their artists are among the catalog's; the others are zeros.
        int[] counts = new int[Math.max(catalogArtists(), perArtist.size())];
        int i = 0;
        for (int count : perArtist.values()) {
            counts[i++] = count;
        }
        return Exposure.gini(counts);
    }

    /** Null when no shown track has a popularity. */
    private static Double longTailShare(List<Track> shown, PopularityScale scale) {
        List<PopularityScale.Bucket> buckets =
                shown.stream().map(scale::bucket).flatMap(Optional::stream).toList();
        if (buckets.isEmpty()) {
            return null;
        }
        return buckets.stream().filter(b -> b == PopularityScale.Bucket.TAIL).count() / (double) buckets.size();
    }

    private double coverage(List<Track> shown) {
        if (catalog.size() == 0) {
            return 0;
        }
        Set<String> distinct = new HashSet<>();
        shown.forEach(t -> distinct.add(t.id()));
        return distinct.size() / (double) catalog.size();
    }

    /** Lists with fewer than two tracks that have vectors have no pairs, and are left out of the mean. */
    private double intraListDiversity(List<List<Track>> shown) {
        List<Double> perList = new ArrayList<>();
        for (List<Track> list : shown) {
            List<float[]> listVectors =
                    list.stream().map(vectors::of).filter(Objects::nonNull).toList();
            if (listVectors.size() >= 2) {
                perList.add(Exposure.meanPairwiseDistance(listVectors));
            }
        }
        return perList.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /** Null when the shown tracks or the history have no popularity (an empty history included). */
    private static Double calibration(List<Track> shown, List<Track> history, PopularityScale scale) {
        double[] shownShares = shares(shown, scale);
        double[] historyShares = shares(history, scale);
        if (shownShares == null || historyShares == null) {
            return null;
        }
        return Exposure.jensenShannon(shownShares, historyShares);
    }

    /** The head, mid and tail shares of the tracks that have a popularity; null when none has. */
    private static double[] shares(List<Track> tracks, PopularityScale scale) {
        double[] counts = new double[PopularityScale.Bucket.values().length];
        int total = 0;
        for (Track t : tracks) {
            Optional<PopularityScale.Bucket> bucket = scale.bucket(t);
            if (bucket.isPresent()) {
                counts[bucket.get().ordinal()]++;
                total++;
            }
        }
        if (total == 0) {
            return null;
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] /= total;
        }
        return counts;
    }

    /** Counted once: the catalog does not change while the service runs. */
    private int catalogArtists() {
        if (artists < 0) {
            artists = catalog.artistsByKey().size();
        }
        return artists;
    }

    /** Computed once: the catalog does not change while the service runs. */
    private Optional<PopularityScale> popularityScale() {
        Optional<PopularityScale> known = scale;
        if (known == null) {
            known = PopularityScale.of(catalog);
            scale = known;
        }
        return known;
    }
}
