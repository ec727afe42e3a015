package dev.segue.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.segue.api.validation.Snippet;
import dev.segue.catalog.Track;
import dev.segue.search.SearchTools;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/tracks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tracks")
public class TrackResource {

    private final SearchTools tools;
    private final TrackSearch searching;

    TrackResource(SearchTools tools, TrackSearch searching) {
        this.tools = tools;
        this.searching = searching;
    }

    public record Found(@JsonUnwrapped Track track, double score) {}

    public record SearchResult(String query, int count, List<Found> tracks) {}

    @GET
    @Path("search")
    @Operation(
            summary = "Search the catalog: text (by meaning and by title/artist words) and tag/year filters",
            description = "genre, mood and instrument may repeat; all given tags must match")
    public SearchResult search(@Valid @BeanParam SearchQuery search) {
        return searching.search(search);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One track with every fact the catalog holds")
    public Track get(@RestPath String id) {
        return tools.catalog()
                .find(id)
                .orElseThrow(() -> ApiException.notFound("no track with id \"" + Snippet.of(id) + "\""));
    }
}
