package dev.segue.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The catalog layouts Segue reads; detected from the first line unless configured. */
public enum CatalogFormat {
    /** shared/data/jamendo-sd11k/jamendo_sd11k_catalog.csv (the shipped demo catalog). */
    JAMENDO,
    /** shared/data/spotify-30k-songs/tracks_unique.csv. */
    SPOTIFY,
    /** CSV with Segue's canonical columns (or renamed ones via a column mapping). */
    CSV,
    /** One JSON object per line with Segue's canonical field names. */
    JSONL;

    public static CatalogFormat parse(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown catalog format '" + value + "' (expected auto, jamendo, spotify, csv or jsonl)");
        }
    }

    /** @throws IllegalArgumentException when the first line matches no known layout */
    public static CatalogFormat detect(String firstLine) {
        if (firstLine == null) {
            throw new IllegalArgumentException("the catalog is empty");
        }
        String line = firstLine.strip();
        if (line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        if (line.startsWith("{")) {
            return JSONL;
        }
        List<String> columns = Arrays.stream(line.split(","))
                .map(c -> c.strip().replace("\"", ""))
                .toList();
        if (columns.contains("jamendo_track_id") && columns.contains("moods_themes")) {
            return JAMENDO;
        }
        if (columns.contains("track_id") && columns.contains("playlist_genres")) {
            return SPOTIFY;
        }
        if (columns.contains("id") && columns.contains("title") && columns.contains("artist")) {
            return CSV;
        }
        throw new IllegalArgumentException("cannot detect the catalog format from its header (" + abbreviate(line)
                + "); set segue.catalog.format, or use the canonical columns id,title,artist,… (see README)");
    }

    RowMapper mapper(Map<String, String> columnMapping) {
        return switch (this) {
            case JAMENDO -> new JamendoRowMapper();
            case SPOTIFY -> new SpotifyRowMapper();
            case CSV, JSONL -> new CanonicalRowMapper(columnMapping);
        };
    }

    private static String abbreviate(String line) {
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }
}
