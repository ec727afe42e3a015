package dev.segue.tools.experiments;

import dev.segue.tools.common.Csv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The held-out half of the real Spotify playlists (../shared/data/spotify-30k-songs), split exactly as the ranker's
 * training split does it (tools/ranker/queries.py, {@code playlist_split}): SHA-256 of "spotify-playlist:" + the
 * normalised title, 70% train, 15% validation, 15% test. Held out is validation and test: playlists the ranker never
 * trained on. Each becomes a listener's taste: the genre words of its tracks, weighted by how often they occur.
 */
final class HeldOutPlaylists {

    /** One held-out playlist: its title (the listener's prompt) and its taste, word weights summing to 1. */
    record Taste(String playlistId, String title, Map<String, Double> words) {}

    private HeldOutPlaylists() {}

    static List<Taste> read(Path dir) throws IOException {
        Map<String, List<String>> genresOfTrack = new HashMap<>();
        for (Map<String, String> row : Csv.read(dir.resolve("tracks_unique.csv"))) {
            genresOfTrack.put(
                    row.get("track_id"), words(row.get("playlist_genres") + " " + row.get("playlist_subgenres")));
        }
        Map<String, List<String>> tracksOf = new HashMap<>();
        for (Map<String, String> row : Csv.read(dir.resolve("playlist_tracks.csv"))) {
            tracksOf.computeIfAbsent(row.get("playlist_id"), p -> new ArrayList<>())
                    .add(row.get("track_id"));
        }
        List<Taste> out = new ArrayList<>();
        for (Map<String, String> row : Csv.read(dir.resolve("playlists.csv"))) {
            String title = row.get("playlist_name");
            if ("train".equals(split(title))) {
                continue;
            }
            Map<String, Double> counts = new LinkedHashMap<>();
            for (String track : tracksOf.getOrDefault(row.get("playlist_id"), List.of())) {
                genresOfTrack.getOrDefault(track, List.of()).forEach(w -> counts.merge(w, 1.0, Double::sum));
            }
            double total =
                    counts.values().stream().mapToDouble(Double::doubleValue).sum();
            if (total > 0 && !title.isBlank()) {
                counts.replaceAll((w, c) -> c / total);
                out.add(new Taste(row.get("playlist_id"), title.strip(), counts));
            }
        }
        return out;
    }

    /** tools/ranker/queries.py playlist_split: train, val or test. */
    static String split(String title) {
        double h = bucket("spotify-playlist:" + normalisedTitle(title));
        return h < 0.70 ? "train" : h < 0.85 ? "val" : "test";
    }

    static String normalisedTitle(String title) {
        String n = title.toLowerCase(Locale.ROOT).replaceAll("[^0-9a-z]+", " ").strip();
        return n.isEmpty() ? title : n;
    }

    /** The first 12 hex digits of the SHA-256, over 2^48: as queries.py's bucket. */
    private static double bucket(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(digest).substring(0, 12);
            return Long.parseLong(hex, 16) / (double) (1L << 48);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Lower-case words of genre names, "dance pop|pop edm" -> dance, pop, pop, edm. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9&]+")) {
            if (!w.isBlank() && !"null".equals(w)) {
                out.add(w);
            }
        }
        return out;
    }
}
