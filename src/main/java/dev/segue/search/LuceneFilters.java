package dev.segue.search;

import dev.segue.catalog.Catalog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * {@link SearchFilter} as a Lucene query over the fields of {@link LuceneDocuments}, with the semantics of
 * {@link Filters#allows}: each tag group and each range is required, exclusions are MUST_NOT clauses.
 */
final class LuceneFilters {

    private LuceneFilters() {}

    /** The filter as a Lucene query, or null when it restricts nothing. */
    static Query toLucene(SearchFilter filter) {
        List<Query> required = required(filter);
        List<Query> excluded = excluded(filter);
        if (required.isEmpty() && excluded.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        required.forEach(q -> b.add(q, Occur.FILTER));
        excluded.forEach(q -> b.add(q, Occur.MUST_NOT));
        if (required.isEmpty()) {
            b.add(new MatchAllDocsQuery(), Occur.FILTER); // a query of only MUST_NOT clauses matches nothing
        }
        return b.build();
    }

    /** What a track must match, as one query; null when nothing is required. */
    static Query requiredQuery(SearchFilter filter) {
        List<Query> required = required(filter);
        if (required.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        required.forEach(q -> b.add(q, Occur.FILTER));
        return b.build();
    }

    /** What a track must not match, as one query (any exclusion); null when nothing is excluded. */
    static Query excludedQuery(SearchFilter filter) {
        List<Query> excluded = excluded(filter);
        if (excluded.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        excluded.forEach(q -> b.add(q, Occur.SHOULD));
        return b.build();
    }

    /** What a track must match: every tag group, the artists, the year, duration and instrumentalness ranges. */
    private static List<Query> required(SearchFilter filter) {
        List<Query> required = new ArrayList<>();
        for (Set<String> group : filter.tagGroups()) {
            required.add(anyOf(LuceneDocuments.TAG, group));
        }
        if (!filter.artists().isEmpty()) {
            required.add(anyOf(
                    LuceneDocuments.ARTIST,
                    filter.artists().stream().map(Catalog::artistKey).toList()));
        }
        if (filter.yearFrom() != null || filter.yearTo() != null) {
            int from = filter.yearFrom() == null ? Integer.MIN_VALUE : filter.yearFrom();
            int to = filter.yearTo() == null ? Integer.MAX_VALUE : filter.yearTo();
            required.add(IntPoint.newRangeQuery(LuceneDocuments.YEAR, from, to));
        }
        if (filter.maxDurationSec() != null) {
            required.add(DoublePoint.newRangeQuery(LuceneDocuments.DURATION, 0, filter.maxDurationSec()));
        }
        if (filter.minInstrumentalness() != null) {
            required.add(
                    DoublePoint.newRangeQuery(LuceneDocuments.INSTRUMENTALNESS, filter.minInstrumentalness(), 1.0));
        }
        return required;
    }

    /**
     * What a track must not match. One clause per list, however long: a DJ session excludes every track it has
     * played, and a Lucene boolean query refuses more than 1,024 clauses (a soak test's sessions failed there after
     * ~340 segments).
     */
    private static List<Query> excluded(SearchFilter filter) {
        List<Query> excluded = new ArrayList<>();
        if (!filter.excludeTags().isEmpty()) {
            excluded.add(anyOf(LuceneDocuments.TAG, filter.excludeTags()));
        }
        if (!filter.excludeArtists().isEmpty()) {
            excluded.add(anyOf(
                    LuceneDocuments.ARTIST,
                    filter.excludeArtists().stream().map(Catalog::artistKey).toList()));
        }
        if (!filter.excludeIds().isEmpty()) {
            excluded.add(anyOf(LuceneDocuments.ID, filter.excludeIds()));
        }
        if (filter.excludeExplicit()) {
            excluded.add(new TermQuery(new Term(LuceneDocuments.EXPLICIT, "true")));
        }
        return excluded;
    }

    /** Documents with any of the values in the field: one term-set query, with no limit on how many values. */
    private static Query anyOf(String field, Collection<String> values) {
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }
}
