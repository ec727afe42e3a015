package dev.segue.api;

import static dev.segue.playlist.Playlists.MAX_MINUTES;
import static dev.segue.playlist.Playlists.MAX_PROMPT_CHARS;
import static dev.segue.playlist.Playlists.MAX_TRACKS;
import static dev.segue.playlist.Playlists.MIN_MINUTES;
import static dev.segue.playlist.Playlists.MIN_TRACKS;

import dev.segue.api.validation.Between;
import dev.segue.api.validation.Names;
import dev.segue.api.validation.OneOf;
import dev.segue.api.validation.PlannerConfigured;
import dev.segue.api.validation.PromptVersion;
import dev.segue.api.validation.Text;
import dev.segue.api.validation.UserId;
import jakarta.validation.Valid;
import java.util.List;

/** Body of POST /api/playlists. Only {@code prompt} is required. Invalid fields are reported in this order. */
@LengthOrDuration
@SeedsInCatalog
public record PlaylistRequest(
        @Text(name = "prompt", max = MAX_PROMPT_CHARS) String prompt,

        @Between(name = "length", min = MIN_TRACKS, max = MAX_TRACKS)
        Integer length,

        @Between(name = "durationMinutes", min = MIN_MINUTES, max = MAX_MINUTES)
        Integer durationMinutes,

        @Between(name = "maxPerArtist", min = 1, max = MAX_TRACKS)
        Integer maxPerArtist,

        @Names(name = "excludeArtists") List<String> excludeArtists,
        @Names(name = "seedTrackIds") List<String> seedTrackIds,
        @UserId String userId,
        @Valid Options options) {

    /**
     * planner: auto | offline | llm; ranker: auto | none; promptVersion: v1, v2, … of the agent prompt; sequence: auto
     * (the sequence model orders seeded requests when it is loaded) | none (today's seeded path).
     */
    public record Options(
            @OneOf(
                    name = "options.planner",
                    value = {"auto", "offline", "llm"})
            @PlannerConfigured
            String planner,

            @OneOf(
                    name = "options.ranker",
                    value = {"auto", "none"})
            String ranker,

            @PromptVersion String promptVersion,

            @OneOf(
                    name = "options.sequence",
                    value = {"auto", "none"})
            String sequence) {}
}
