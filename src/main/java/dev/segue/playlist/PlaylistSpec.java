package dev.segue.playlist;

import java.util.List;
import java.util.Set;

/**
 * The request-level settings a playlist keeps across versions (stored beside each version): what the caller set
 * explicitly, and the tracks the listener removed, which never come back.
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
        Set<String> removedTrackIds) {

    public PlaylistSpec {
        excludeArtists = excludeArtists == null ? List.of() : List.copyOf(excludeArtists);
        seedTrackIds = seedTrackIds == null ? List.of() : List.copyOf(seedTrackIds);
        removedTrackIds = removedTrackIds == null ? Set.of() : Set.copyOf(removedTrackIds);
    }

    PlaylistSpec withRemoved(String trackId) {
        Set<String> removed = new java.util.LinkedHashSet<>(removedTrackIds);
        removed.add(trackId);
        return new PlaylistSpec(length, durationMinutes, maxPerArtist, excludeArtists, seedTrackIds, userId, planner,
                ranker, removed);
    }
}
