package dev.segue.api;

import dev.segue.api.validation.Params;
import dev.segue.catalog.Tags;
import dev.segue.search.SearchFilter;
import dev.segue.search.SearchTools;
import dev.segue.trace.Trace;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A catalog search as callers ask for it (GET /api/tracks/search, the MCP tool search_tracks): text searched by
 * meaning and by title/artist words, every given tag required, an optional year range.
 */
@ApplicationScoped
public class TrackSearch {

    private final SearchTools tools;

    TrackSearch(SearchTools tools) {
        this.tools = tools;
    }

    /** The tracks found for a query that Bean Validation has checked. */
    public TrackResource.SearchResult search(SearchQuery search) {
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
        List<TrackResource.Found> found = tools.searchTracks(text, filter, n == null ? 20 : n, new Trace()).stream()
                .map(c -> new TrackResource.Found(c.track(), Math.round(c.similarity() * 1000) / 1000.0))
                .toList();
        return new TrackResource.SearchResult(query, found.size(), found);
    }
}
