package dev.segue.api;

import dev.segue.api.validation.Between;
import dev.segue.api.validation.TagFilters;
import dev.segue.api.validation.Text;
import java.util.List;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The query parameters of GET /api/tracks/search: text (q, stripped), tag filters that may repeat, a year range and a
 * limit. Invalid parameters are reported in this order.
 */
@SomethingToFind
public record SearchQuery(
        @RestQuery @Between(name = "yearFrom", min = 0, max = 3000)
        String yearFrom,

        @RestQuery @Between(name = "yearTo", min = 0, max = 3000)
        String yearTo,

        @RestQuery @Between(name = "limit", min = 1, max = 100)
        String limit,

        @RestQuery @TagFilters List<String> genre,
        @RestQuery @TagFilters List<String> mood,
        @RestQuery @TagFilters List<String> instrument,

        @RestQuery @Text(name = "q", max = 500, optional = true)
        String q) {

    public SearchQuery {
        q = q == null ? "" : q.strip();
        genre = orEmpty(genre);
        mood = orEmpty(mood);
        instrument = orEmpty(instrument);
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
