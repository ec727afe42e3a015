package dev.segue.planner;

import dev.segue.profile.Personalisation;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a planner is asked: a prompt, or a refinement of {@code previous}; seed tracks and excluded artists from the
 * request; track ids that must not come back (removed by the listener); the size asked for (so the candidate pool is
 * large enough and the LLM knows it); for the LLM planner, the prompt version and the conversation so far; and the
 * listener's taste when the request names a listener with history (null otherwise).
 *
 * <p>Start from {@link #forPrompt} or {@link #refining} and add the rest with {@code with…}.
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
        Personalisation personalisation) {

    /** A playlist's usual size, when the caller has no better idea of how many tracks it needs. */
    public static final int DEFAULT_EXPECTED_TRACKS = 20;

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

    /** A new playlist for this prompt, with nothing else asked yet. */
    public static PlanRequest forPrompt(String prompt) {
        return refining(null, prompt);
    }

    /** A change to the playlist that {@code previous} was read from ("" when only a replacement is missing). */
    public static PlanRequest refining(Intent previous, String change) {
        return new PlanRequest(
                change, previous, null, null, null, DEFAULT_EXPECTED_TRACKS, null, null, null, null, null);
    }

    public boolean isRefinement() {
        return previous != null;
    }

    public PlanRequest withSeeds(List<String> trackIds) {
        return with(b -> b.seedTrackIds = trackIds);
    }

    public PlanRequest withExcludedArtists(List<String> artists) {
        return with(b -> b.excludeArtists = artists);
    }

    /** Tracks that must not come back (removed by the listener, or already played). */
    public PlanRequest withExcludedTracks(Set<String> trackIds) {
        return with(b -> b.excludeTrackIds = trackIds);
    }

    /** How many tracks the candidate pool must be large enough for. */
    public PlanRequest withExpectedTracks(int tracks) {
        return with(b -> b.expectedTracks = tracks);
    }

    public PlanRequest withTarget(Target asked) {
        return with(b -> b.target = asked);
    }

    public PlanRequest withPromptVersion(String version) {
        return with(b -> b.promptVersion = version);
    }

    /** The LLM conversation so far, and the tracks of the playlist it produced. */
    public PlanRequest withConversation(List<Turn> turns, List<String> trackIds) {
        return with(b -> {
            b.conversation = turns;
            b.previousTrackIds = trackIds;
        });
    }

    public PlanRequest withPersonalisation(Personalisation taste) {
        return with(b -> b.personalisation = taste);
    }

    /** This request with what {@code change} sets on a copy of its components: the one place that lists them all. */
    private PlanRequest with(Consumer<Builder> change) {
        Builder builder = new Builder(this);
        change.accept(builder);
        return builder.build();
    }

    /** The components of a request being copied, for the {@code with…} methods. */
    private static final class Builder {
        private String prompt;
        private Intent previous;
        private List<String> seedTrackIds;
        private List<String> excludeArtists;
        private Set<String> excludeTrackIds;
        private int expectedTracks;
        private Target target;
        private String promptVersion;
        private List<Turn> conversation;
        private List<String> previousTrackIds;
        private Personalisation personalisation;

        private Builder(PlanRequest from) {
            prompt = from.prompt;
            previous = from.previous;
            seedTrackIds = from.seedTrackIds;
            excludeArtists = from.excludeArtists;
            excludeTrackIds = from.excludeTrackIds;
            expectedTracks = from.expectedTracks;
            target = from.target;
            promptVersion = from.promptVersion;
            conversation = from.conversation;
            previousTrackIds = from.previousTrackIds;
            personalisation = from.personalisation;
        }

        private PlanRequest build() {
            return new PlanRequest(
                    prompt,
                    previous,
                    seedTrackIds,
                    excludeArtists,
                    excludeTrackIds,
                    expectedTracks,
                    target,
                    promptVersion,
                    conversation,
                    previousTrackIds,
                    personalisation);
        }
    }
}
