package dev.segue.catalog;

import java.util.Locale;

/**
 * How large a catalog row and its fields may be. A row over a limit is rejected with a reason (never truncated: a cut
 * title or a dropped tag would put a track in the index that the catalog does not describe), so one hostile row cannot
 * bloat the index or the heap. README "Bring your own catalog" lists the same numbers.
 */
public final class RowLimits {

    /** A JSONL line or a CSV record with all its lines; the demo catalog's longest row is 544. Longer rows are not parsed. */
    public static final int ROW_CHARS = 65_536;

    /** Lines one CSV record may span with quoted line breaks; a record running longer is an unbalanced quote. */
    public static final int RECORD_LINES = 50;

    public static final int ID_CHARS = 200;

    /** Title, artist, album, license and any other text field (the demo catalog's longest title is 128). */
    public static final int TEXT_CHARS = 300;

    /** Track pages and audio locations. */
    public static final int URL_CHARS = 2_048;

    /** Distinct genres, moods or instruments of one track (the demo catalog's most is 22 instruments). */
    public static final int TAGS_PER_CATEGORY = 64;

    public static final int TAG_CHARS = 64;

    static final String ROW_TOO_LONG = String.format(Locale.ROOT, "row longer than %,d characters", ROW_CHARS);

    private RowLimits() {}
}
