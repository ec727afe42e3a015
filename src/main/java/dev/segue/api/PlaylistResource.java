package dev.segue.api;

import dev.segue.api.validation.Between;
import dev.segue.api.validation.Flag;
import dev.segue.api.validation.OneOf;
import dev.segue.api.validation.Params;
import dev.segue.api.validation.RequiredBody;
import dev.segue.api.validation.Snippet;
import dev.segue.experiment.Outcome;
import dev.segue.export.ExportFormat;
import dev.segue.export.PlaylistExporter;
import dev.segue.playlist.Playlist;
import dev.segue.playlist.PlaylistService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.net.URI;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/playlists")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "playlists")
public class PlaylistResource {

    private static final int MAX_ID = 100;
    private static final String EXPORT_M3U8 = "audio/x-mpegurl";
    private static final String EXPORT_XSPF = "application/xspf+xml";
    private static final String EXPORT_JSPF = "application/jspf+json";

    private final PlaylistService playlists;
    private final PlaylistEvents events;
    private final PlaylistExporter exporter;
    private final ExperimentGate experiments;

    PlaylistResource(
            PlaylistService playlists, PlaylistEvents events, PlaylistExporter exporter, ExperimentGate experiments) {
        this.playlists = playlists;
        this.events = events;
        this.exporter = exporter;
        this.experiments = experiments;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Make a playlist from a prompt",
            description = "?trace=true adds every tool call and step time")
    public Response create(
            @RequiredBody(message = "{segue.playlist.body}") @Valid PlaylistRequest body,
            @RestQuery @Flag(name = "trace") String trace) {
        ExperimentGate.Shown shown = created(body, Params.flag(trace));
        return Response.created(URI.create("/api/playlists/" + shown.playlist().id()))
                .entity(shown.body())
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking // validation may read the catalog; the work itself runs on a worker thread
    @Operation(
            summary = "Make a playlist from a prompt, watching the planner work (Accept: text/event-stream)",
            description = "Server-Sent Events: planning, llm (each LLM call), tool (each tool call with its result"
                    + " count), tracks (tracks found so far), fallback (why the offline planner answers), then playlist"
                    + " (the same JSON as without a stream) or problem (the problem body)")
    public Multi<OutboundSseEvent> createWatched(
            @RequiredBody(message = "{segue.playlist.body}") @Valid PlaylistRequest body,
            @RestQuery @Flag(name = "trace") String trace,
            @Context Sse sse,
            @Context UriInfo uri) {
        boolean withTrace = Params.flag(trace);
        return events.stream(sse, uri, () -> created(body, withTrace).body());
    }

    /** Version 1, made with the options the request set and its listener's experiment arms set. */
    private ExperimentGate.Shown created(PlaylistRequest body, boolean withTrace) {
        return experiments.create(
                body.userId(), body.options(), withTrace, options -> playlists.create(body.toCommand(options), true));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a playlist: the latest version, or ?version=n")
    public Playlist get(
            @RestPath String id,
            @RestQuery @Between(name = "version", min = 1) String version,
            @RestQuery @Flag(name = "trace") String trace) {
        return version(id, version, Params.flag(trace));
    }

    @GET
    @Path("{id}/export")
    @Produces({EXPORT_M3U8, EXPORT_XSPF, EXPORT_JSPF})
    @Operation(
            summary = "Download a playlist for a player: ?format=m3u8|xspf|jspf, the latest version or ?version=n",
            description = "Locations are the catalog's audio_url (or location) column where it has one, else the"
                    + " track URL")
    public Response export(
            @RestPath String id,
            @RestQuery
                    @OneOf(
                            name = "format",
                            value = {"m3u8", "xspf", "jspf"},
                            required = true)
                    String format,
            @RestQuery @Between(name = "version", min = 1) String version) {
        ExportFormat chosen = ExportFormat.named(format).orElseThrow();
        Playlist playlist = version(id, version, false);
        return exported(playlist, chosen)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"segue-" + playlist.id() + "-v" + playlist.version() + "."
                                + chosen.extension() + "\"")
                .build();
    }

    @GET
    @Path("{id}")
    @Produces({EXPORT_M3U8, EXPORT_XSPF, EXPORT_JSPF})
    @Operation(
            summary = "Read a playlist as M3U8, XSPF or JSPF (Accept: audio/x-mpegurl, application/xspf+xml,"
                    + " application/jspf+json), the latest version or ?version=n")
    public Response getExported(
            @RestPath String id,
            @RestQuery @Between(name = "version", min = 1) String version,
            @Context HttpHeaders headers) {
        // The caller's preference order; "audio/*" is an M3U8. Only an export type selects this method.
        ExportFormat chosen = headers.getAcceptableMediaTypes().stream()
                .filter(accepted -> !accepted.isWildcardType())
                .flatMap(accepted -> Arrays.stream(ExportFormat.values())
                        .filter(f -> accepted.isCompatible(MediaType.valueOf(f.mediaType()))))
                .findFirst()
                .orElseThrow();
        return exported(version(id, version, false), chosen).build();
    }

    private Response.ResponseBuilder exported(Playlist playlist, ExportFormat format) {
        String type = format == ExportFormat.M3U8 ? format.mediaType() + ";charset=UTF-8" : format.mediaType();
        return Response.ok(exporter.export(playlist, format), type);
    }

    /** The latest version, or the one asked for; a 404 names what is missing. */
    private Playlist version(String id, String version, boolean withTrace) {
        Integer v = Params.integer(version);
        return playlists
                .find(checkedId(id), v, withTrace)
                .orElseThrow(() -> ApiException.notFound(
                        v == null
                                ? "no playlist with id \"" + Snippet.of(id) + "\""
                                : "playlist \"" + Snippet.of(id) + "\" has no version " + v));
    }

    @POST
    @Path("{id}/refine")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Make the next version by describing a change",
            description =
                    "e.g. \"more upbeat\", \"no piano\", \"add some jazz\", \"make it 30 minutes\", \"nothing by X\"")
    public Object refine(
            @RestPath String id,
            @RequiredBody(message = "{segue.playlist.body}") @Valid RefineRequest body,
            @RestQuery @Flag(name = "trace") String trace) {
        return refined(checkedId(id), body.prompt().strip(), Params.flag(trace));
    }

    private Object refined(String id, String change, boolean withTrace) {
        return experiments
                .changed(
                        Outcome.REFINE,
                        withTrace,
                        () -> playlists.refine(id, change, true).orElseThrow(() -> unknown(id)))
                .body();
    }

    @POST
    @Path("{id}/refine")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking // looks the playlist up before the stream starts, so an unknown id is a plain 404
    @Operation(
            summary = "Refine a playlist, watching the planner work (Accept: text/event-stream; events as for create)")
    public Multi<OutboundSseEvent> refineWatched(
            @RestPath String id,
            @RequiredBody(message = "{segue.playlist.body}") @Valid RefineRequest body,
            @RestQuery @Flag(name = "trace") String trace,
            @Context Sse sse,
            @Context UriInfo uri) {
        String playlistId = checkedId(id);
        playlists.find(playlistId, null, false).orElseThrow(() -> unknown(id));
        String change = body.prompt().strip();
        boolean withTrace = Params.flag(trace);
        return events.stream(sse, uri, () -> refined(playlistId, change, withTrace));
    }

    @POST
    @Path("{id}/extend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Make the next version with count more tracks that continue the playlist",
            description = "The sequence model picks what plays next after the playlist's tracks; every hard"
                    + " constraint of the playlist still holds and no track comes twice")
    public Object extend(
            @RestPath String id,
            @RequiredBody(message = "{segue.extend.body}") @Valid ExtendRequest body,
            @RestQuery @Flag(name = "trace") String trace) {
        String playlistId = checkedId(id);
        return experiments
                .changed(
                        Outcome.EXTEND,
                        Params.flag(trace),
                        () -> playlists.extend(playlistId, body.count(), true).orElseThrow(() -> unknown(id)))
                .body();
    }

    @DELETE
    @Path("{id}/tracks/{trackId}")
    @Operation(summary = "Make the next version without a track; its slot goes to the best unused candidate")
    public Object removeTrack(@RestPath String id, @RestPath String trackId) {
        return experiments
                .changed(Outcome.REMOVE, false, () -> removed(id, trackId))
                .body();
    }

    private Playlist removed(String id, String trackId) {
        PlaylistService.Removal removal = playlists.removeTrack(checkedId(id), trackId);
        return switch (removal) {
            case PlaylistService.Removal.Done done -> done.playlist();
            case PlaylistService.Removal.UnknownPlaylist unknown ->
                throw ApiException.notFound("no playlist with id \"" + Snippet.of(id) + "\"");
            case PlaylistService.Removal.UnknownTrack track ->
                throw ApiException.notFound("track \"" + Snippet.of(trackId) + "\" is not in version " + track.version()
                        + " of this playlist");
        };
    }

    private static ApiException unknown(String id) {
        return ApiException.notFound("no playlist with id \"" + Snippet.of(id) + "\"");
    }

    private static String checkedId(String id) {
        if (id.length() > MAX_ID) {
            throw ApiException.notFound("no playlist with id \"" + Snippet.of(id) + "\"");
        }
        return id;
    }
}
