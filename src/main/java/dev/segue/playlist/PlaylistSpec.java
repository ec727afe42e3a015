package dev.segue.playlist;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.segue.planner.PlanRequest;
import dev.segue.planner.Turn;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The request-level settings a playlist keeps across versions (stored beside each version): what the caller set
 * explicitly (planner, ranker and sequence are the requested options; sequence is null in rows stored before it
 * existed), the tracks the listener removed, which never come back, and the LLM conversation a refinement continues.
 * {@code diversity} (0..1, null = 0) is the knob that trades relevance for variety among the tracks that meet every
 * wish ({@link Diversifier}); rows stored without it read as 0.
 */
public record PlaylistSpec(
        Integer length,
        Integer durationMinutes,
        Integer maxPerArtist,
        List<String> excludeArtists,
        List<String> seedTrackIds,
        String userId,
        String planner,
        String ranker,
        String promptVersion,
        String sequence,
        Set<String> removedTrackIds,
        List<Turn> conversation,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double diversity) {

    public PlaylistSpec {
        excludeArtists = excludeArtists == null ? List.of() : List.copyOf(excludeArtists);
        seedTrackIds = seedTrackIds == null ? List.of() : List.copyOf(seedTrackIds);
        removedTrackIds = removedTrackIds == null ? Set.of() : Set.copyOf(removedTrackIds);
        conversation = conversation == null ? List.of() : List.copyOf(conversation);
    }

    PlaylistSpec withRemoved(String trackId) {
        Set<String> removed = new LinkedHashSet<>(removedTrackIds);
        removed.add(trackId);
        return copy(removed, conversation);
    }

    PlaylistSpec withConversation(List<Turn> turns) {
        return copy(removedTrackIds, turns);
    }

    /** These settings with other removed tracks and conversation, the two parts that change between versions. */
    private PlaylistSpec copy(Set<String> removed, List<Turn> turns) {
        return new PlaylistSpec(
                length,
                durationMinutes,
                maxPerArtist,
                excludeArtists,
                seedTrackIds,
                userId,
                planner,
                ranker,
                promptVersion,
                sequence,
                removed,
                turns,
                diversity);
    }

    PlanRequest.Target target() {
        return new PlanRequest.Target(length, durationMinutes, maxPerArtist);
    }
}
