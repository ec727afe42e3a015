package dev.segue.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.segue.eval.Results.CaseRun;
import dev.segue.eval.Results.Turn;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a variant's playlists showed, over all its turns: artist exposure concentration (Gini over every artist of the
 * catalog, never-shown ones at zero) and catalog coverage (distinct tracks over the catalog's size), as the service
 * defines them (docs/diversity.md). The per-playlist metrics come from the service (the playlist's {@code diversity}).
 */
final class ExposureMetrics {

    /** The served catalog's size and its number of distinct artists, from {@code GET /api/catalog}. */
    record CatalogSize(int tracks, int artists) {

        /** Null when the answer does not say (an older Segue, or no answer). */
        static CatalogSize of(ServiceClient.Reply catalog) {
            if (!catalog.ok()
                    || !catalog.body().path("size").isInt()
                    || !catalog.body().path("artists").isInt()) {
                return null;
            }
            return new CatalogSize(
                    catalog.body().path("size").asInt(),
                    catalog.body().path("artists").asInt());
        }
    }

    private ExposureMetrics() {}

    /** artist_gini and catalog_coverage; nothing when no playlist came back or the catalog's size is unknown. */
    static Map<String, Double> of(Iterable<CaseRun> runs, CatalogSize catalog) {
        Map<String, Integer> perArtist = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (CaseRun run : runs) {
            for (Turn turn : run.turns()) {
                if (turn.response() != null) {
                    count(turn.response(), perArtist, ids);
                }
            }
        }
        if (catalog == null || catalog.tracks() == 0 || ids.isEmpty()) {
            return Map.of();
        }
        int[] counts = new int[Math.max(catalog.artists(), perArtist.size())];
        int i = 0;
        for (int count : perArtist.values()) {
            counts[i++] = count;
        }
        return Map.of("artist_gini", gini(counts), "catalog_coverage", ids.size() / (double) catalog.tracks());
    }

    private static void count(JsonNode body, Map<String, Integer> perArtist, Set<String> ids) {
        for (JsonNode track : body.path("tracks")) {
            ids.add(track.path("id").asText());
            perArtist.merge(artistKey(track.path("artist").asText()), 1, Integer::sum);
        }
    }

    /** As the service compares artist names: case, accents, spacing and punctuation do not matter. */
    static String artistKey(String artist) {
        String folded = Normalizer.normalize(artist, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        return folded.replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    /** 0 when all counts are equal, (n − 1) / n when one holds everything. */
    static double gini(int[] counts) {
        int[] sorted = counts.clone();
        Arrays.sort(sorted);
        double total = 0;
        double weighted = 0;
        for (int i = 0; i < sorted.length; i++) {
            total += sorted[i];
            weighted += (i + 1.0) * sorted[i];
        }
        int n = sorted.length;
        return total == 0 ? 0 : 2 * weighted / (n * total) - (n + 1.0) / n;
    }
}
