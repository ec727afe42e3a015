package dev.segue.catalog;

import java.util.Locale;

/** The three tag facets every catalog format maps into. */
public enum TagCategory {
    GENRE,
    MOOD,
    INSTRUMENT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TagCategory parse(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "genre", "genres" -> GENRE;
            case "mood", "moods", "theme", "themes", "mood/theme" -> MOOD;
            case "instrument", "instruments" -> INSTRUMENT;
            default ->
                throw new IllegalArgumentException(
                        "unknown tag category '" + value + "' (expected genre, mood or instrument)");
        };
    }
}
