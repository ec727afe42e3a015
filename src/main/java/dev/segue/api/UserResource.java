package dev.segue.api;

import dev.segue.dj.DjService;
import dev.segue.playlist.PlaylistService;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "users")
public class UserResource {

    public record Deleted(String userId, int playlists, int djSessions) {
    }

    @Inject
    PlaylistService playlists;

    @Inject
    DjService dj;

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete everything stored for a listener: their playlists (every version) and DJ sessions")
    public Deleted delete(@RestPath String id) {
        if (!id.matches("[A-Za-z0-9._:@-]{1,100}")) {
            throw ApiException.badRequest("userId must be 1 to 100 letters, digits or . _ : @ -", "id");
        }
        return new Deleted(id, playlists.deleteAllOf(id), dj.closeAllOf(id));
    }
}
