package dev.segue.catalog;

import java.util.Map;

/**
 * Segue's own column names (README: "Bring your own catalog"), for CSV and JSONL. A column mapping renames source
 * columns to these names, so any catalog with the same facts can be ingested without code.
 */
final class CanonicalRowMapper implements RowMapper {

    private final Map<String, String> sourceColumnFor;

    CanonicalRowMapper(Map<String, String> sourceColumnFor) {
        this.sourceColumnFor = Map.copyOf(sourceColumnFor);
    }

    private String col(String canonical) {
        return sourceColumnFor.getOrDefault(canonical, canonical);
    }

    private static String httpUrl(String url) {
        if (url != null && !url.startsWith("https://") && !url.startsWith("http://")) {
            throw new RowRejectedException("url is not http(s)");
        }
        return url;
    }

    /**
     * Where the audio is: {@code audio_url} must be an http(s) or file URL; {@code location}, a name other catalogs
     * use for other things too, counts only when it is one.
     */
    private String audioUrl(Row row) {
        String audio = row.text(col("audio_url"), RowLimits.URL_CHARS);
        if (audio != null) {
            if (!playable(audio)) {
                throw new RowRejectedException("audio_url is not an http(s) or file URL");
            }
            return audio;
        }
        String location = row.text(col("location"), RowLimits.URL_CHARS);
        return location != null && playable(location) ? location : null;
    }

    private static boolean playable(String url) {
        return url.startsWith("https://") || url.startsWith("http://") || url.startsWith("file:/");
    }

    @Override
    public Track map(Row row) {
        String id = row.required(col("id"));
        if (id.length() > RowLimits.ID_CHARS) {
            throw new RowRejectedException("id longer than " + RowLimits.ID_CHARS + " characters");
        }
        if (id.chars().anyMatch(c -> c == '/' || c == '\\')) {
            throw new RowRejectedException("bad id");
        }
        Double seconds = row.decimal(col("duration_sec"));
        if (seconds == null) {
            Double millis = row.decimal(col("duration_ms"));
            seconds = millis == null ? null : millis / 1000.0;
        }
        AudioFeatures features = new AudioFeatures(
                RowMapper.range(row, col("energy"), 0, 1),
                RowMapper.range(row, col("valence"), 0, 1),
                RowMapper.range(row, col("danceability"), 0, 1),
                RowMapper.range(row, col("tempo"), 0, 400),
                RowMapper.range(row, col("acousticness"), 0, 1),
                RowMapper.range(row, col("instrumentalness"), 0, 1));
        return new Track(
                id,
                row.required(col("title")),
                row.required(col("artist")),
                row.text(col("album")),
                RowMapper.year(row.integer(col("year"))),
                RowMapper.duration(seconds),
                row.tags(col("genres")),
                row.tags(col("moods")),
                row.tags(col("instruments")),
                RowMapper.range(row, col("popularity"), 0, 100),
                row.text(col("license")),
                httpUrl(row.text(col("url"), RowLimits.URL_CHARS)),
                features.isEmpty() ? null : features,
                row.bool(col("explicit")),
                audioUrl(row));
    }
}
