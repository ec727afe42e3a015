package dev.segue.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.QueryBuilder;

/**
 * Searches over an open index: nearest neighbours through the tracks' distinct vectors ({@link GroupedNearest}) and
 * BM25 over titles and artists, both restricted by {@link LuceneFilters}.
 */
final class LuceneSearch {

    private final Analyzer analyzer;

    /** The analyzer the names were indexed with, so a query's terms are the documents' terms. */
    LuceneSearch(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    static List<Hit> nearest(GroupedNearest nearest, float[] query, SearchFilter filter, int k) {
        try {
            return nearest.search(query, LuceneFilters.requiredQuery(filter), LuceneFilters.excludedQuery(filter), k);
        } catch (IOException e) {
            throw new UncheckedIOException("index search failed", e);
        }
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
        try {
            TopDocs top = searcher.search(query.build(), k);
            List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc doc : top.scoreDocs) {
                hits.add(new Hit(id(stored, doc.doc), doc.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("index search failed", e);
        }
    }

    /** The track id stored in a document of the tracks index. */
    static String id(StoredFields stored, int doc) throws IOException {
        return stored.document(doc, Set.of(LuceneDocuments.ID)).get(LuceneDocuments.ID);
    }
}
