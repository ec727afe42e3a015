package dev.segue.experiment;

import java.util.Locale;

/**
 * What a listener did with something they were shown: listening events that name the playlist (play, skip, like,
 * dislike, complete, save) and the implicit ones: a refinement, a track removal or an extension.
 */
public record Outcome(String userId, String subjectId, String type) {

    public static final String REFINE = "refine";
    public static final String REMOVE = "remove";
    /** A playlist extended: stored as an outcome, counted toward no metric yet; the new version is an exposure. */
    public static final String EXTEND = "extend";

    public Outcome {
        type = type.toLowerCase(Locale.ROOT);
    }
}
