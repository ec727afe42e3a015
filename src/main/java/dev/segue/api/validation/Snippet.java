package dev.segue.api.validation;

/** Caller input as it appears in messages: control characters shown as ?, cut at 40 characters. */
public final class Snippet {

    private static final int MAX_CHARS = 40;

    private Snippet() {}

    public static String of(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > MAX_CHARS ? clean.substring(0, MAX_CHARS) + "…" : clean;
    }
}
