package dev.segue.playlist;

import java.util.Locale;

final class Durations {

    private Durations() {}

    /** "1 h 14 min", "42 min". */
    static String human(double seconds) {
        long minutes = Math.round(seconds / 60);
        if (minutes < 60) {
            return minutes + " min";
        }
        return String.format(Locale.ROOT, "%d h %d min", minutes / 60, minutes % 60);
    }
}
