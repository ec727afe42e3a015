package dev.segue.api;

import dev.segue.api.validation.Between;
import dev.segue.api.validation.OneOf;
import dev.segue.api.validation.Params;
import dev.segue.api.validation.RequiredBody;
import dev.segue.api.validation.Snippet;
import dev.segue.api.validation.Text;
import dev.segue.api.validation.UserId;
import dev.segue.dj.DjEvent;
import dev.segue.dj.DjSegment;
import dev.segue.dj.DjService;
import dev.segue.dj.DjState;
import dev.segue.dj.DjStreams;
import dev.segue.playlist.Playlists;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/dj/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "dj")
public class DjResource {

    public record OpenRequest(
            @UserId String userId,

            @Text(name = "prompt", max = Playlists.MAX_PROMPT_CHARS, optional = true)
            String prompt,

            @Between(name = "minutes", min = Playlists.MIN_MINUTES, max = Playlists.MAX_MINUTES)
            Integer minutes) {}

    public record DjRequest(@Text(name = "text", max = 500) String text) {}

    public record Feedback(
            @NotBlank(message = "{segue.feedback.trackId}") @Size(max = 200, message = "{segue.feedback.trackId}")
            String trackId,

            @OneOf(
                    name = "type",
                    value = {"like", "skip"},
                    required = true)
            String type) {}

    public record Interpretation(String interpretation) {}

    public record SessionView(
            String id,
            String vibe,
            int minutes,
            String createdAt,
            int segments,
            double playedMinutes,
            List<String> excludeTags,
            List<String> excludeArtists,
            double energyBias) {}

    private final DjService dj;

    private final DjStreams streams;

    private final ExperimentGate experiments;

    DjResource(DjService dj, DjStreams streams, ExperimentGate experiments) {
        this.dj = dj;
        this.streams = streams;
        this.experiments = experiments;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a DJ session with an opening vibe (optional) and a length in minutes (default 60)")
    public Response open(@Valid OpenRequest body) {
        OpenRequest r = body == null ? new OpenRequest(null, null, null) : body;
        DjService.Opened opened = dj.open(r.userId(), r.prompt(), r.minutes());
        return Response.created(URI.create("/api/dj/sessions/" + opened.id()))
                .entity(experiments.opened(opened, r.userId()))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A session's state: vibe, segments so far, what it excludes")
    public SessionView get(@RestPath String id) {
        DjState s = dj.find(checked(id)).orElseThrow(() -> unknown(id));
        return new SessionView(
                s.id(),
                s.vibe(),
                s.minutes(),
                s.createdAt().toString(),
                s.segments(),
                Math.round(s.playedSeconds() / 6) / 10.0,
                s.intent().excludeTags(),
                s.intent().excludeArtists(),
                s.energyBias());
    }

    @GET
    @Path("{id}/next")
    @Operation(summary = "Plan and return the next segment (2–4 tracks and an intro); each call advances the session")
    public DjSegment next(@RestPath String id) {
        return dj.next(checked(id)).orElseThrow(() -> unknown(id));
    }

    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking // looks the session up in the database before the stream starts
    @Operation(
            summary = "Server-Sent Events: a `segment` event per planned segment (id = segment number), a heartbeat"
                    + " comment every 15 s, `end` when the session's minutes are played; resume with Last-Event-ID")
    @APIResponse(
            responseCode = "200",
            description = "the stream; each `segment` event's data is a segment",
            content =
                    @Content(
                            mediaType = MediaType.SERVER_SENT_EVENTS,
                            schema = @Schema(implementation = DjSegment.class)))
    public Multi<OutboundSseEvent> events(
            @RestPath String id,
            @RestHeader("Last-Event-ID") @Between(name = "Last-Event-ID", min = 0) String lastEventId,
            @RestQuery("lastEventId") @Between(name = "Last-Event-ID", min = 0) String lastEventIdParam,
            @Context Sse sse) {
        dj.find(checked(id)).orElseThrow(() -> unknown(id));
        String resumeFrom = lastEventId != null ? lastEventId : lastEventIdParam;
        int last = Objects.requireNonNullElse(Params.integer(resumeFrom), 0);
        return streams.listen(id, last).map(event -> switch (event) {
            case DjEvent.Segment s ->
                sse.newEventBuilder()
                        .id(String.valueOf(s.segment().segment()))
                        .name("segment")
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(DjSegment.class, s.segment())
                        .build();
            case DjEvent.Heartbeat beat ->
                sse.newEventBuilder().comment("heartbeat").build();
            case DjEvent.End end ->
                sse.newEventBuilder()
                        .name("end")
                        .data("the session's minutes are played")
                        .build();
        });
    }

    @POST
    @Path("{id}/requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "A request in words (\"switch it up\", \"more energy\", \"no more piano\", \"play <artist>\");"
                    + " the next segment reflects it, exclusions stick")
    public Response request(
            @RestPath String id, @RequiredBody(name = "text", message = "{segue.required}") @Valid DjRequest body) {
        String interpretation = dj.request(checked(id), body.text()).orElseThrow(() -> unknown(id));
        return Response.accepted(new Interpretation(interpretation)).build();
    }

    @POST
    @Path("{id}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "skip or like a track: what follows moves away from or toward its neighbourhood")
    public Response feedback(
            @RestPath String id,
            @RequiredBody(name = "trackId", message = "{segue.feedback.trackId}") @Valid Feedback body) {
        return switch (dj.feedback(checked(id), body.trackId(), "like".equals(body.type()))) {
            case UNKNOWN_SESSION -> throw unknown(id);
            case UNKNOWN_TRACK ->
                throw ApiException.badRequest("unknown track id \"" + Snippet.of(body.trackId()) + "\"", "trackId");
            case ACCEPTED -> {
                experiments.feedback(id, body.type());
                yield Response.accepted(new Interpretation(
                                "like".equals(body.type()) ? "more like it from now on" : "moving away from it"))
                        .build();
            }
        };
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "End a session (sessions also expire after segue.dj.idle-timeout)")
    public Response close(@RestPath String id) {
        if (!dj.close(checked(id))) {
            throw unknown(id);
        }
        return Response.noContent().build();
    }

    private static String checked(String id) {
        if (id.length() > 100) {
            throw unknown(id);
        }
        return id;
    }

    private static ApiException unknown(String id) {
        return ApiException.notFound("no DJ session with id \"" + Snippet.of(id) + "\"");
    }
}
