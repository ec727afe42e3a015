package dev.segue.planner;

import java.util.List;
import java.util.Set;

/**
 * What a planner is asked: a prompt, or a refinement of {@code previous}; seed tracks and excluded artists from the
 * request; track ids that must not come back (removed by the listener); the size asked for (so the candidate pool is
 * large enough and the LLM knows it); for the LLM planner, the prompt version and the conversation so far; and the
 * listener's taste when the request names a listener with history (null otherwise).
 */
public record PlanRequest(
        String prompt,
        Intent previous,
        List<String> seedTrackIds,
        List<String> excludeArtists,
        Set<String> excludeTrackIds,
        int expectedTracks,
        Target target,
        String promptVersion,
        List<Turn> conversation,
        List<String> previousTrackIds,
        dev.segue.profile.Personalisation personalisation) {

    /** The size and per-artist limit the caller asked for; any field may be null (defaults apply). */
    public record Target(Integer length, Integer durationMinutes, Integer maxPerArtist) {
        public static final Target NONE = new Target(null, null, null);
    }

    public PlanRequest {
        seedTrackIds = seedTrackIds == null ? List.of() : List.copyOf(seedTrackIds);
        excludeArtists = excludeArtists == null ? List.of() : List.copyOf(excludeArtists);
        excludeTrackIds = excludeTrackIds == null ? Set.of() : Set.copyOf(excludeTrackIds);
        target = target == null ? Target.NONE : target;
        conversation = conversation == null ? List.of() : List.copyOf(conversation);
        previousTrackIds = previousTrackIds == null ? List.of() : List.copyOf(previousTrackIds);
    }

    public boolean isRefinement() {
        return previous != null;
    }
}
