package dev.segue.api;

import static dev.segue.playlist.Playlists.MAX_MINUTES;
import static dev.segue.playlist.Playlists.MAX_PROMPT_CHARS;
import static dev.segue.playlist.Playlists.MAX_TRACKS;
import static dev.segue.playlist.Playlists.MIN_MINUTES;
import static dev.segue.playlist.Playlists.MIN_TRACKS;

import dev.segue.api.validation.Between;
import dev.segue.api.validation.Fraction;
import dev.segue.api.validation.Names;
import dev.segue.api.validation.OneOf;
import dev.segue.api.validation.PlannerConfigured;
import dev.segue.api.validation.PromptVersion;
import dev.segue.api.validation.Text;
import dev.segue.api.validation.UserId;
import dev.segue.playlist.PlaylistService;
import dev.segue.playlist.PlaylistSpec;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Set;

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
     * planner: auto | offline | llm; ranker: auto | none | random (the pool in a random order: a known-worse arm for
     * experiments); promptVersion: v1, v2, … of the agent prompt; diversity: 0..1, how much variety is worth against
     * relevance among the tracks that meet every wish (0, the default, is none); sequence: auto (the sequence model
     * orders seeded requests when it is loaded) | none (today's seeded path).
     */
    public record Options(
            @OneOf(
                    name = "options.planner",
                    value = {"auto", "offline", "llm"})
            @PlannerConfigured
            String planner,

            @OneOf(
                    name = "options.ranker",
                    value = {"auto", "none", "random"})
            String ranker,

            @PromptVersion String promptVersion,

            @Fraction(name = "options.diversity") Double diversity,

            @OneOf(
                    name = "options.sequence",
                    value = {"auto", "none"})
            String sequence) {}

    /** What the caller set, kept beside every version: nothing removed and no conversation yet. */
    public PlaylistService.CreateCommand toCommand() {
        return toCommand(options);
    }

    /** The same with these options (the caller's, with what its experiment arms set for those it left open). */
    public PlaylistService.CreateCommand toCommand(Options options) {
        PlaylistSpec spec = new PlaylistSpec(
                length,
                durationMinutes,
                maxPerArtist,
                orEmpty(excludeArtists),
                orEmpty(seedTrackIds),
                userId,
                options == null || options.planner() == null ? "auto" : options.planner(),
                options == null || options.ranker() == null ? "auto" : options.ranker(),
                options == null ? null : options.promptVersion(),
                options == null || options.sequence() == null ? "auto" : options.sequence(),
                Set.of(),
                List.of(),
                options == null ? null : options.diversity());
        return new PlaylistService.CreateCommand(prompt.strip(), spec);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
