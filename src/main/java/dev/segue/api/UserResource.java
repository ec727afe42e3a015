package dev.segue.api;

import dev.segue.dj.DjService;
import dev.segue.playlist.PlaylistService;
import dev.segue.profile.ListeningEvent;
import dev.segue.profile.ProfileService;
import dev.segue.search.SearchIndex;
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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/users/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "users")
public class UserResource {

    public record Event(String trackId, String type, String at) {}

    public record Accepted(int accepted) {}

    public record OptOut(Boolean optedOut) {}

    public record Deleted(String userId, int playlists, int djSessions, int events) {}

    private final PlaylistService playlists;

    private final DjService dj;

    private final ProfileService profiles;

    private final SearchIndex index;

    UserResource(PlaylistService playlists, DjService dj, ProfileService profiles, SearchIndex index) {
        this.playlists = playlists;
        this.dj = dj;
        this.profiles = profiles;
        this.index = index;
    }

    @POST
    @Path("events")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record listening events: [{trackId, type: play|skip|like|dislike, at?}] (at most 500 at once)")
    public Response events(@RestPath String id, List<Event> body) {
        String user = checked(id);
        if (body == null || body.isEmpty()) {
            throw ApiException.badRequest("send a JSON array of events [{trackId, type, at}]", null);
        }
        if (body.size() > ProfileService.MAX_BATCH) {
            throw ApiException.badRequest(
                    "at most " + ProfileService.MAX_BATCH + " events at once (got " + body.size() + ")", null);
        }
        List<ListeningEvent> events = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < body.size(); i++) {
            Event e = body.get(i);
            if (e == null) {
                errors.add(new Problem.FieldError("[" + i + "]", "an event must be an object"));
                continue;
            }
            ListeningEvent.Type type = ListeningEvent.Type.parse(e.type());
            if (type == null) {
                errors.add(new Problem.FieldError("[" + i + "].type", "type must be one of play, skip, like, dislike"));
            }
            if (e.trackId() == null
                    || e.trackId().length() > 200
                    || index.catalog().find(e.trackId()).isEmpty()) {
                errors.add(new Problem.FieldError(
                        "[" + i + "].trackId",
                        "unknown track id \"" + Validation.abbreviate(String.valueOf(e.trackId())) + "\""));
            }
            Instant at = now;
            if (e.at() != null) {
                try {
                    at = Instant.parse(e.at());
                    if (at.isAfter(now.plusSeconds(300))) {
                        errors.add(new Problem.FieldError("[" + i + "].at", "at is in the future"));
                    }
                } catch (DateTimeParseException bad) {
                    errors.add(new Problem.FieldError(
                            "[" + i + "].at", "at must be an ISO-8601 instant, e.g. 2026-11-24T08:00:00Z"));
                }
            }
            if (type != null) {
                events.add(new ListeningEvent(e.trackId(), type, at));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(
                    400,
                    errors.get(0).message()
                            + (errors.size() > 1
                                    ? " (and " + (errors.size() - 1) + " more; see errors; nothing was recorded)"
                                    : " (nothing was recorded)"),
                    errors);
        }
        profiles.add(user, events);
        return Response.accepted(new Accepted(events.size())).build();
    }

    @GET
    @Path("profile")
    @Operation(summary = "A listener's taste: top tags and artists (recency-weighted), event counts, opt-out")
    public ProfileService.Profile profile(@RestPath String id) {
        return profiles.profile(checked(id));
    }

    @PUT
    @Path("opt-out")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Turn personalisation off ({optedOut: true}) or back on; history is kept until deleted")
    public ProfileService.Profile optOut(@RestPath String id, OptOut body) {
        if (body == null || body.optedOut() == null) {
            throw ApiException.badRequest("send {\"optedOut\": true} or {\"optedOut\": false}", "optedOut");
        }
        profiles.optOut(checked(id), body.optedOut());
        return profiles.profile(id);
    }

    @DELETE
    @Operation(
            summary =
                    "Delete everything stored for a listener: history, settings, playlists (every version), DJ sessions")
    public Deleted delete(@RestPath String id) {
        String user = checked(id);
        return new Deleted(user, playlists.deleteAllOf(user), dj.closeAllOf(user), profiles.delete(user));
    }

    private static String checked(String id) {
        if (!id.matches("[A-Za-z0-9._:@-]{1,100}")) {
            throw ApiException.badRequest("userId must be 1 to 100 letters, digits or . _ : @ -", "id");
        }
        return id;
    }
}
