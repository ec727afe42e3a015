package dev.segue.planner;

import java.util.List;
import java.util.Set;

/**
 * What a planner is asked: a prompt, or a refinement of {@code previous}; seed tracks and excluded artists from
 * the request; track ids that must not come back (removed by the listener); and roughly how many tracks will be
 * needed, so the candidate pool is large enough.
 */
public record PlanRequest(
        String prompt,
        Intent previous,
        List<String> seedTrackIds,
        List<String> excludeArtists,
        Set<String> excludeTrackIds,
        int expectedTracks) {

    public PlanRequest {
        seedTrackIds = seedTrackIds == null ? List.of() : List.copyOf(seedTrackIds);
        excludeArtists = excludeArtists == null ? List.of() : List.copyOf(excludeArtists);
        excludeTrackIds = excludeTrackIds == null ? Set.of() : Set.copyOf(excludeTrackIds);
    }

    public boolean isRefinement() {
        return previous != null;
    }
}
