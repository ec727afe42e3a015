package dev.segue.api;

import java.util.List;

/** Body of POST /api/playlists. Only {@code prompt} is required. */
public record PlaylistRequest(
        String prompt,
        Integer length,
        Integer durationMinutes,
        Integer maxPerArtist,
        List<String> excludeArtists,
        List<String> seedTrackIds,
        String userId,
        Options options) {

    /** planner: auto | offline | llm; ranker: auto | none; promptVersion: v1, v2, … of the agent prompt. */
    public record Options(String planner, String ranker, String promptVersion) {}
}
