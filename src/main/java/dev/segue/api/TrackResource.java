package dev.segue.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.segue.api.validation.Params;
import dev.segue.api.validation.Snippet;
import dev.segue.catalog.Tags;
import dev.segue.catalog.Track;
import dev.segue.search.SearchFilter;
import dev.segue.search.SearchTools;
import dev.segue.trace.Trace;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/tracks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tracks")
public class TrackResource {

    private final SearchTools tools;

    TrackResource(SearchTools tools) {
        this.tools = tools;
    }

    public record Found(@JsonUnwrapped Track track, double score) {}

    public record SearchResult(String query, int count, List<Found> tracks) {}

    @GET
    @Path("search")
    @Operation(
            summary = "Search the catalog: text (by meaning and by title/artist words) and tag/year filters",
            description = "genre, mood and instrument may repeat; all given tags must match")
    public SearchResult search(@Valid @BeanParam SearchQuery search) {
        Integer from = Params.integer(search.yearFrom());
        Integer to = Params.integer(search.yearTo());
        Integer n = Params.integer(search.limit());
        List<Set<String>> groups = new ArrayList<>();
        for (List<String> tags : List.of(search.genre(), search.mood(), search.instrument())) {
            for (String tag : tags) {
                groups.add(new LinkedHashSet<>(List.of(Tags.normalize(tag))));
            }
        }
        String query = search.q();
        SearchFilter filter = SearchFilter.NONE.withTagGroups(groups);
        if (from != null || to != null) {
            filter = new SearchFilter(groups, Set.of(), Set.of(), Set.of(), from, to, null, false, null, Set.of());
        }
        String text = query.isEmpty()
                ? String.join(
                        ", ", groups.stream().map(g -> g.iterator().next()).toList())
                : query;
        if (text.isEmpty()) {
            text = "music";
        }
        List<Found> found = tools.searchTracks(text, filter, n == null ? 20 : n, new Trace()).stream()
                .map(c -> new Found(c.track(), Math.round(c.similarity() * 1000) / 1000.0))
                .toList();
        return new SearchResult(query, found.size(), found);
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
