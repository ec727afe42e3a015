package dev.segue.planner;

import java.util.List;

/**
 * A share of the playlist reserved for something added on top of the main request ("add some jazz", "a few
 * tracks by X"): matching tracks get about {@code share} of the slots.
 */
public record MixIn(String phrase, List<String> tags, String artist, double share) {

    public MixIn {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
