package dev.segue.mcp;

import dev.segue.api.ApiException;
import dev.segue.api.CallerInput;
import dev.segue.api.SearchQuery;
import dev.segue.api.TrackResource;
import dev.segue.api.TrackSearch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** search_tracks: {@link TrackSearch} with the parameters of GET /api/tracks/search, checked the same way. */
@ApplicationScoped
class SearchTool {

    private static final Set<String> NUMBERS = Set.of("yearFrom", "yearTo", "limit");
    private static final Set<String> TAGS = Set.of("genre", "mood", "instrument");

    private final TrackSearch search;
    private final CallerInput input;

    SearchTool(TrackSearch search, CallerInput input) {
        this.search = search;
        this.input = input;
    }

    McpTool tool() {
        return McpTool.reading("search_tracks", this::search);
    }

    private TrackResource.SearchResult search(Map<String, Object> arguments) {
        for (String name : arguments.keySet()) {
            if (!NUMBERS.contains(name) && !TAGS.contains(name) && !"q".equals(name)) {
                throw ApiException.badRequest(
                        "unknown field \"" + name + "\" (known fields: genre, instrument, limit, mood, q, yearFrom,"
                                + " yearTo)",
                        name);
            }
        }
        SearchQuery query = new SearchQuery(
                number(arguments, "yearFrom"),
                number(arguments, "yearTo"),
                number(arguments, "limit"),
                tags(arguments, "genre"),
                tags(arguments, "mood"),
                tags(arguments, "instrument"),
                text(arguments, "q"));
        return search.search(input.valid(query));
    }

    /** A whole number as the query parameter's text, which {@code @Between} checks as it checks a query string. */
    private static String number(Map<String, Object> arguments, String name) {
        Object value = arguments.get(name);
        if (value == null || value instanceof Integer || value instanceof Long) {
            return value == null ? null : value.toString();
        }
        throw ApiException.badRequest("field \"" + name + "\" has the wrong type: expected an integer", name);
    }

    private static List<String> tags(Map<String, Object> arguments, String name) {
        Object value = arguments.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw ApiException.badRequest("field \"" + name + "\" has the wrong type: expected an array", name);
    }

    private static String text(Map<String, Object> arguments, String name) {
        Object value = arguments.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw ApiException.badRequest("field \"" + name + "\" has the wrong type: expected a string", name);
    }
}
