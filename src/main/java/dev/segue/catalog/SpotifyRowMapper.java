package dev.segue.catalog;

import java.util.ArrayList;
import java.util.List;

/** The TidyTuesday Spotify songs as staged in shared/data/spotify-30k-songs/tracks_unique.csv. */
final class SpotifyRowMapper implements RowMapper {

    @Override
    public Track map(Row row) {
        String spotifyId = row.required("track_id");
        if (!spotifyId.matches("[0-9A-Za-z]{1,64}")) {
            throw new RowRejectedException("bad track_id");
        }
        List<String> genres = new ArrayList<>(row.tags("playlist_genres"));
        for (String subgenre : row.tags("playlist_subgenres")) {
            if (!genres.contains(subgenre)) {
                genres.add(subgenre);
            }
        }
        if (genres.size() > RowLimits.TAGS_PER_CATEGORY) {
            throw new RowRejectedException("more than " + RowLimits.TAGS_PER_CATEGORY + " genres");
        }
        Double durationMs = row.decimal("duration_ms");
        AudioFeatures features = new AudioFeatures(
                RowMapper.range(row, "energy", 0, 1),
                RowMapper.range(row, "valence", 0, 1),
                RowMapper.range(row, "danceability", 0, 1),
                RowMapper.range(row, "tempo", 0, 400),
                RowMapper.range(row, "acousticness", 0, 1),
                RowMapper.range(row, "instrumentalness", 0, 1));
        return new Track(
                "spotify:" + spotifyId,
                row.required("track_name"),
                row.required("track_artist"),
                row.text("track_album_name"),
                RowMapper.year(row.integer("release_year")),
                RowMapper.duration(durationMs == null ? null : durationMs / 1000.0),
                genres,
                List.of(),
                List.of(),
                RowMapper.range(row, "track_popularity", 0, 100),
                null,
                "https://open.spotify.com/track/" + spotifyId,
                features.isEmpty() ? null : features,
                null);
    }
}
