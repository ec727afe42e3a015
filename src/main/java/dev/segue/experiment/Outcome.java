package dev.segue.experiment;

import java.util.Locale;

/**
 * What a listener did with something they were shown: listening events that name the playlist (play, skip, like,
 * dislike, complete, save) and the implicit ones, a refinement or a track removal.
 */
public record Outcome(String userId, String subjectId, String type) {

    public static final String REFINE = "refine";
    public static final String REMOVE = "remove";

    public Outcome {
        type = type.toLowerCase(Locale.ROOT);
    }
}
