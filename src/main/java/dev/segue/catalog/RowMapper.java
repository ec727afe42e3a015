package dev.segue.catalog;

import java.util.List;

/** Turns source rows of one catalog format into tracks. */
public interface RowMapper {

    /** @throws RowRejectedException with the reason when the row cannot become a track */
    Track map(Row row);

    /** A pass over all accepted tracks, for values that need the whole catalog (e.g. popularity percentiles). */
    default List<Track> finish(List<Track> tracks) {
        return tracks;
    }

    static double duration(Double seconds) {
        if (seconds == null) {
            throw new RowRejectedException("missing duration");
        }
        if (seconds <= 0 || seconds > 24 * 3600) {
            throw new RowRejectedException("duration out of range");
        }
        return seconds;
    }

    static Integer year(Integer year) {
        if (year != null && (year < 1000 || year > 2100)) {
            throw new RowRejectedException("year out of range");
        }
        return year;
    }

    static Double range(Row row, String column, double min, double max) {
        Double value = row.decimal(column);
        if (value != null && (value < min || value > max)) {
            throw new RowRejectedException(column + " outside " + (int) min + ".." + (int) max);
        }
        return value;
    }
}
