package dev.segue.search;

import static io.qdrant.client.ConditionFactory.hasId;
import static io.qdrant.client.ConditionFactory.match;
import static io.qdrant.client.ConditionFactory.matchKeywords;
import static io.qdrant.client.ConditionFactory.range;

import dev.segue.catalog.Catalog;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.Range;
import java.util.Collection;
import java.util.List;

/**
 * {@link SearchFilter} as a Qdrant filter, with the semantics of {@link Filters#allows}: each tag group is a
 * {@code must} of match-any over the combined {@code tags} keywords; exclusions are {@code must_not}; a range on a
 * field the point lacks (no year, no instrumentalness) does not match, so such tracks are left out, as in memory.
 */
final class QdrantFilters {

    static final String TRACK_ID = "track_id";
    static final String TAGS = "tags";
    static final String ARTIST_KEY = "artist_key";
    static final String YEAR = "year";
    static final String DURATION = "duration_sec";
    static final String EXPLICIT = "explicit";
    static final String INSTRUMENTALNESS = "instrumentalness";

    private QdrantFilters() {}

    /** The filter, or null when it restricts nothing (Qdrant then searches every point). */
    static Filter of(SearchFilter filter) {
        Filter.Builder f = Filter.newBuilder();
        for (var group : filter.tagGroups()) {
            f.addMust(matchKeywords(TAGS, sorted(group)));
        }
        if (!filter.artists().isEmpty()) {
            f.addMust(matchKeywords(
                    ARTIST_KEY,
                    sorted(filter.artists().stream().map(Catalog::artistKey).toList())));
        }
        if (filter.yearFrom() != null || filter.yearTo() != null) {
            Range.Builder years = Range.newBuilder();
            if (filter.yearFrom() != null) {
                years.setGte(filter.yearFrom());
            }
            if (filter.yearTo() != null) {
                years.setLte(filter.yearTo());
            }
            f.addMust(range(YEAR, years.build()));
        }
        if (filter.maxDurationSec() != null) {
            f.addMust(range(
                    DURATION, Range.newBuilder().setLte(filter.maxDurationSec()).build()));
        }
        if (filter.minInstrumentalness() != null) {
            f.addMust(range(
                    INSTRUMENTALNESS,
                    Range.newBuilder().setGte(filter.minInstrumentalness()).build()));
        }
        if (!filter.excludeTags().isEmpty()) {
            f.addMustNot(matchKeywords(TAGS, sorted(filter.excludeTags())));
        }
        if (!filter.excludeArtists().isEmpty()) {
            f.addMustNot(matchKeywords(
                    ARTIST_KEY,
                    sorted(filter.excludeArtists().stream()
                            .map(Catalog::artistKey)
                            .toList())));
        }
        if (filter.excludeExplicit()) {
            f.addMustNot(match(EXPLICIT, true));
        }
        if (!filter.excludeIds().isEmpty()) {
            f.addMustNot(hasId(sorted(filter.excludeIds()).stream()
                    .map(QdrantPoints::pointId)
                    .toList()));
        }
        Filter built = f.build();
        return built.getMustCount() == 0 && built.getMustNotCount() == 0 ? null : built;
    }

    /** Sorted and de-duplicated, so the same filter is always the same request (and tests can compare requests). */
    private static List<String> sorted(Collection<String> values) {
        return values.stream().distinct().sorted().toList();
    }
}
