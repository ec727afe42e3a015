package dev.segue.api;

import dev.segue.api.validation.EventBatch;
import dev.segue.api.validation.EventTime;
import dev.segue.api.validation.EventType;
import dev.segue.api.validation.KnownTrackId;
import dev.segue.api.validation.RequiredBody;
import dev.segue.api.validation.Text;
import dev.segue.api.validation.UserId;
import dev.segue.dj.DjService;
import dev.segue.experiment.Experiments;
import dev.segue.playlist.PlaylistService;
import dev.segue.profile.ListeningEvent;
import dev.segue.profile.ProfileService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/users/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "users")
public class UserResource {

    /** A listening event; its fields are checked in this order. */
    public record Event(
            @EventType String type,
            @KnownTrackId String trackId,
            @EventTime String at,

            @Text(name = "playlistId", max = 100, optional = true)
            String playlistId) {}

    public record Accepted(int accepted) {}

    public record OptOut(
            @NotNull(message = "{segue.optOut}") Boolean optedOut) {}

    public record Deleted(String userId, int playlists, int djSessions, int events) {}

    private final PlaylistService playlists;

    private final DjService dj;

    private final ProfileService profiles;

    private final Experiments experiments;

    UserResource(PlaylistService playlists, DjService dj, ProfileService profiles, Experiments experiments) {
        this.playlists = playlists;
        this.dj = dj;
        this.profiles = profiles;
        this.experiments = experiments;
    }

    @POST
    @Path("events")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Record listening events: [{trackId, type: play|skip|like|dislike|complete|save, at?, playlistId?}]"
                            + " (at most 500 at once)",
            description = "An event naming a playlist shown under an experiment is an outcome of that experiment")
    @AllOrNothing
    public Response events(
            @RestPath @UserId String id,
            @EventBatch(max = ProfileService.MAX_BATCH)
                    List<@NotNull(message = "{segue.event.object}") @Valid Event> body) {
        Instant now = Instant.now();
        List<ListeningEvent> events = body.stream()
                .map(e -> new ListeningEvent(
                        e.trackId(), ListeningEvent.Type.parse(e.type()), e.at() == null ? now : Instant.parse(e.at())))
                .toList();
        profiles.add(id, events);
        body.stream()
                .filter(e -> e.playlistId() != null && !e.playlistId().isBlank())
                .collect(Collectors.groupingBy(
                        e -> e.playlistId().strip(),
                        LinkedHashMap::new,
                        Collectors.mapping(Event::type, Collectors.toList())))
                .forEach((playlist, types) -> experiments.listened(id, playlist, types));
        return Response.accepted(new Accepted(events.size())).build();
    }

    @GET
    @Path("profile")
    @Operation(summary = "A listener's taste: top tags and artists (recency-weighted), event counts, opt-out")
    public ProfileService.Profile profile(@RestPath @UserId String id) {
        return profiles.profile(id);
    }

    @PUT
    @Path("opt-out")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Turn personalisation off ({optedOut: true}) or back on; history is kept until deleted")
    public ProfileService.Profile optOut(
            @RestPath @UserId String id,
            @RequiredBody(name = "optedOut", message = "{segue.optOut}") @Valid OptOut body) {
        profiles.optOut(id, body.optedOut());
        return profiles.profile(id);
    }

    @DELETE
    @Operation(
            summary =
                    "Delete everything stored for a listener: history, settings, playlists (every version), DJ sessions,"
                            + " experiment exposures and outcomes")
    public Deleted delete(@RestPath @UserId String id) {
        experiments.deleteAllOf(id);
        return new Deleted(id, playlists.deleteAllOf(id), dj.closeAllOf(id), profiles.delete(id));
    }
}
