package dev.segue.mcp;

import dev.segue.api.ApiException;
import dev.segue.api.CallerInput;
import dev.segue.api.ExperimentGate;
import dev.segue.api.PlaylistRequest;
import dev.segue.api.RefineRequest;
import dev.segue.api.validation.Snippet;
import dev.segue.experiment.Outcome;
import dev.segue.playlist.Playlist;
import dev.segue.playlist.PlaylistService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The playlist tools: the use cases of {@link PlaylistService}, with the inputs read and validated as the HTTP API
 * reads its bodies ({@link CallerInput}), and the answers of GET /api/playlists/{id}.
 */
@ApplicationScoped
class PlaylistTools {

    /** The arguments of get_playlist. */
    record Read(
            @NotBlank(message = "playlistId is required") String playlistId,

            @Min(value = 1, message = "version must be 1 or more")
            Integer version) {}

    /** The arguments of remove_track. */
    record Removal(
            @NotBlank(message = "playlistId is required") String playlistId,
            @NotBlank(message = "trackId is required") String trackId) {}

    private final PlaylistService playlists;
    private final CallerInput input;
    private final ExperimentGate experiments;

    PlaylistTools(PlaylistService playlists, CallerInput input, ExperimentGate experiments) {
        this.playlists = playlists;
        this.input = input;
        this.experiments = experiments;
    }

    List<McpTool> tools() {
        return List.of(
                McpTool.writing("create_playlist", this::create),
                McpTool.writing("refine_playlist", this::refine),
                McpTool.reading("get_playlist", this::get),
                McpTool.writing("remove_track", this::removeTrack));
    }

    /** Under the listener's running experiments, as POST /api/playlists is (the answer leaves out the arm). */
    private Playlist create(Map<String, Object> arguments) {
        PlaylistRequest request = input.read(arguments, PlaylistRequest.class);
        return experiments
                .create(request.userId(), request.options(), false, o -> playlists.create(request.toCommand(o), true))
                .playlist()
                .withoutTrace();
    }

    private Playlist refine(Map<String, Object> arguments) {
        Map<String, Object> body = new HashMap<>(arguments);
        String id = playlistId(body.remove("playlistId"));
        RefineRequest change = input.read(body, RefineRequest.class);
        String prompt = change.prompt().strip();
        return experiments
                .changed(
                        Outcome.REFINE,
                        false,
                        () -> playlists.refine(id, prompt, true).orElseThrow(() -> unknown(id)))
                .playlist()
                .withoutTrace();
    }

    private Playlist get(Map<String, Object> arguments) {
        Read read = input.read(arguments, Read.class);
        return playlists
                .find(checked(read.playlistId()), read.version(), false)
                .orElseThrow(() -> read.version() == null
                        ? unknown(read.playlistId())
                        : ApiException.notFound(
                                "playlist \"" + Snippet.of(read.playlistId()) + "\" has no version " + read.version()));
    }

    private Playlist removeTrack(Map<String, Object> arguments) {
        Removal removal = input.read(arguments, Removal.class);
        return experiments
                .changed(Outcome.REMOVE, false, () -> removed(removal))
                .playlist()
                .withoutTrace();
    }

    private Playlist removed(Removal removal) {
        return switch (playlists.removeTrack(checked(removal.playlistId()), removal.trackId())) {
            case PlaylistService.Removal.Done done -> done.playlist();
            case PlaylistService.Removal.UnknownPlaylist unknown -> throw unknown(removal.playlistId());
            case PlaylistService.Removal.UnknownTrack track ->
                throw ApiException.notFound("track \"" + Snippet.of(removal.trackId()) + "\" is not in version "
                        + track.version() + " of this playlist");
        };
    }

    private String playlistId(Object value) {
        if (!(value instanceof String id) || id.isBlank()) {
            throw ApiException.badRequest("playlistId is required: the id create_playlist returned", "playlistId");
        }
        return checked(id);
    }

    /** An id longer than any we make is unknown, as in the HTTP API (never looked up). */
    private static String checked(String id) {
        if (id.length() > 100) {
            throw unknown(id);
        }
        return id;
    }

    private static ApiException unknown(String id) {
        return ApiException.notFound("no playlist with id \"" + Snippet.of(id) + "\"");
    }
}
