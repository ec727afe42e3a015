package dev.segue.profile;

import java.time.Instant;
import java.util.Locale;

/** One thing a listener did with a track. */
public record ListeningEvent(String trackId, Type type, Instant at) {

    /** How much each kind of event says about taste. */
    public enum Type {
        PLAY(1),
        SKIP(-1),
        LIKE(2),
        DISLIKE(-2),
        /** Played to the end: a play that says a little more than one the listener may have left running. */
        COMPLETE(1),
        /** Kept for later, as strong as a like. */
        SAVE(2);

        private final double weight;

        Type(double weight) {
            this.weight = weight;
        }

        public double weight() {
            return weight;
        }

        public static Type parse(String value) {
            return value == null
                    ? null
                    : switch (value.toLowerCase(Locale.ROOT)) {
                        case "play" -> PLAY;
                        case "skip" -> SKIP;
                        case "like" -> LIKE;
                        case "dislike" -> DISLIKE;
                        case "complete" -> COMPLETE;
                        case "save" -> SAVE;
                        default -> null;
                    };
        }
    }
}
