package dev.segue.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.VectorUtil;

/**
 * Exact nearest neighbours: every allowed vector scored (SIMD dot products). For catalogs up to
 * {@link LuceneSearch#EXACT_SEARCH_LIMIT} tracks this is about a millisecond, and exact. HNSW recall suffers on catalogs
 * like the demo's, where many tracks share the same tags and so the same vector (measured: about 0.8 of the true top
 * 20 by score).
 */
final class ExactNearest {

    private record Scored(float score, int doc) {}

    /**
     * Many tracks share a vector (same tags): ties go to the earlier track, so results are deterministic and the same
     * on every engine.
     */
    private static final Comparator<Scored> BETTER =
            Comparator.comparingDouble(Scored::score).thenComparing(Scored::doc, Comparator.reverseOrder());

    private ExactNearest() {}

    /** The k best documents by dot product with the query, among those the restriction (null: none) allows. */
    static List<Hit> search(IndexSearcher searcher, float[] query, Query restriction, int k) throws IOException {
        Weight allowed = restriction == null
                ? null
                : searcher.createWeight(searcher.rewrite(restriction), ScoreMode.COMPLETE_NO_SCORES, 1);
        PriorityQueue<Scored> best = new PriorityQueue<>(k + 1, BETTER);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            scoreLeaf(leaf, allowed, query, k, best);
        }
        List<Scored> ranked = new ArrayList<>(best);
        ranked.sort(BETTER.reversed());
        StoredFields stored = searcher.storedFields();
        List<Hit> hits = new ArrayList<>(ranked.size());
        for (Scored r : ranked) {
            hits.add(
                    new Hit(stored.document(r.doc(), Set.of(LuceneDocuments.ID)).get(LuceneDocuments.ID), r.score()));
        }
        return hits;
    }

    /** Scores the segment's live, allowed documents into the best k so far. */
    private static void scoreLeaf(
            LeafReaderContext leaf, Weight allowed, float[] query, int k, PriorityQueue<Scored> best)
            throws IOException {
        FloatVectorValues values = leaf.reader().getFloatVectorValues(LuceneDocuments.VECTOR);
        if (values == null) {
            return;
        }
        DocIdSetIterator filter = null;
        if (allowed != null) {
            Scorer scorer = allowed.scorer(leaf);
            if (scorer == null) {
                return; // nothing in this segment passes the filter
            }
            filter = scorer.iterator();
        }
        Bits live = leaf.reader().getLiveDocs();
        KnnVectorValues.DocIndexIterator it = values.iterator();
        for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
            if (live != null && !live.get(doc)) {
                continue;
            }
            if (filter != null) {
                int at = filter.docID() < doc ? filter.advance(doc) : filter.docID();
                if (at == DocIdSetIterator.NO_MORE_DOCS) {
                    break;
                }
                if (at != doc) {
                    continue;
                }
            }
            float score = VectorUtil.dotProduct(query, values.vectorValue(it.index()));
            keep(best, k, new Scored(score, doc + leaf.docBase));
        }
    }

    private static void keep(PriorityQueue<Scored> best, int k, Scored candidate) {
        if (best.size() < k) {
            best.add(candidate);
        } else if (BETTER.compare(candidate, best.peek()) > 0) {
            best.poll();
            best.add(candidate);
        }
    }
}
