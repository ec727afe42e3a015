package dev.segue.playlist;

/** Limits every playlist keeps, whatever the request says. */
public final class Playlists {

    public static final int MIN_TRACKS = 5;
    public static final int MAX_TRACKS = 100;
    public static final int DEFAULT_TRACKS = 20;
    public static final int MIN_MINUTES = 5;
    public static final int MAX_MINUTES = 600;
    public static final int DEFAULT_MAX_PER_ARTIST = 2;
    public static final int MAX_PROMPT_CHARS = 2000;

    private Playlists() {}
}
