package dev.segue.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The MTG-Jamendo catalog as staged in shared/data/jamendo-sd11k/jamendo_sd11k_catalog.csv. */
final class JamendoRowMapper implements RowMapper {

    @Override
    public Track map(Row row) {
        String jamendoId = row.required("jamendo_track_id");
        if (!jamendoId.matches("\\d{1,12}")) {
            throw new RowRejectedException("bad jamendo_track_id");
        }
        return new Track(
                "jamendo:" + jamendoId,
                row.required("title"),
                row.required("artist"),
                null, // MTG-Jamendo has album ids but no album names
                null, // and no release years
                RowMapper.duration(row.decimal("duration_sec")),
                row.tags("genres"),
                row.tags("moods_themes"),
                row.tags("instruments"),
                nonNegative(
                        row.decimal("rate_listened_total")), // raw listens until finish() turns them into a percentile
                row.text("license"),
                "https://www.jamendo.com/track/" + jamendoId,
                null,
                null);
    }

    private static Double nonNegative(Double value) {
        if (value != null && value < 0) {
            throw new RowRejectedException("negative rate_listened_total");
        }
        return value;
    }

    /** Listen counts span six orders of magnitude; a percentile (0..100) is a prior that does not drown the query. */
    @Override
    public List<Track> finish(List<Track> tracks) {
        double[] listens = tracks.stream()
                .filter(t -> t.popularity() != null)
                .mapToDouble(Track::popularity)
                .sorted()
                .toArray();
        List<Track> out = new ArrayList<>(tracks.size());
        for (Track track : tracks) {
            if (track.popularity() == null || listens.length < 2) {
                out.add(track.withPopularity(null));
                continue;
            }
            int below = Arrays.binarySearch(listens, track.popularity());
            while (below > 0 && listens[below - 1] == track.popularity()) {
                below--;
            }
            out.add(track.withPopularity(Math.round(1000.0 * below / (listens.length - 1)) / 10.0));
        }
        return out;
    }
}
