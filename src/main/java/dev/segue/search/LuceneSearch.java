package dev.segue.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.QueryBuilder;

/**
 * Searches over an open index: nearest neighbours (exact up to {@link #EXACT_SEARCH_LIMIT} tracks, HNSW above) and
 * BM25 over titles and artists, both restricted by {@link LuceneFilters}.
 */
final class LuceneSearch {

    /** Up to this many tracks, nearest-neighbour search is exact; above it, HNSW. */
    static final int EXACT_SEARCH_LIMIT = 200_000;

    private final Analyzer analyzer;

    /** The analyzer the names were indexed with, so a query's terms are the documents' terms. */
    LuceneSearch(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    List<Hit> nearest(IndexSearcher searcher, float[] query, SearchFilter filter, int k) {
        Query restriction = LuceneFilters.toLucene(filter);
        if (searcher.getIndexReader().numDocs() <= EXACT_SEARCH_LIMIT) {
            try {
                return ExactNearest.search(searcher, query, restriction, k);
            } catch (IOException e) {
                throw new UncheckedIOException("index search failed", e);
            }
        }
        // Over-fetch: HNSW with a restrictive filter can miss neighbours at small k (Lucene falls back to exact
        // search when the filter leaves few documents, which is what we want for narrow tag combinations).
        int fetch = Math.max(k, 100);
        Query knn = new KnnFloatVectorQuery(LuceneDocuments.VECTOR, query, fetch, restriction);
        // Lucene scores DOT_PRODUCT as (1 + cos) / 2; turn it back into a cosine.
        return top(searcher, knn, k, score -> 2 * score - 1);
    }

    List<Hit> lexical(IndexSearcher searcher, String text, SearchFilter filter, int k) {
        Query match = new QueryBuilder(analyzer).createBooleanQuery(LuceneDocuments.NAMES, text);
        if (match == null) {
            return List.of(); // only stop words or punctuation
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(match, Occur.MUST);
        Query restriction = LuceneFilters.toLucene(filter);
        if (restriction != null) {
            query.add(restriction, Occur.FILTER);
        }
        return top(searcher, query.build(), k, score -> score);
    }

    private static List<Hit> top(IndexSearcher searcher, Query query, int k, DoubleUnaryOperator rescale) {
        try {
            TopDocs top = searcher.search(query, k);
            StoredFields stored = searcher.storedFields();
            List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc doc : top.scoreDocs) {
                String id = stored.document(doc.doc, Set.of(LuceneDocuments.ID)).get(LuceneDocuments.ID);
                hits.add(new Hit(id, rescale.applyAsDouble(doc.score)));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("index search failed", e);
        }
    }
}
