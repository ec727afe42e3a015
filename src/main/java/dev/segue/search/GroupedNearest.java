package dev.segue.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * Nearest tracks through their distinct vectors: find the best vectors, then hand out each one's tracks in catalog
 * order. Filters are resolved to tracks first, then to the vectors that still have an allowed track. When few
 * vectors are allowed (or the whole catalog has few) every allowed vector is scored exactly; otherwise HNSW searches
 * the allowed vectors directly, so an exclusion or a tag filter never turns into a scan of the catalog.
 */
final class GroupedNearest {

    /** Up to this many allowed vectors, the search is an exact scan (a few milliseconds); above it, HNSW. */
    static final int EXACT_VECTOR_LIMIT = 20_000;

    private record Ranked(int vector, float score) {}

    private final IndexSearcher tracks;
    private final IndexSearcher vectors;
    private final VectorFile vectorFile;
    private final VectorGroups groups;
    private final int[] vectorOfDoc;

    GroupedNearest(
            IndexSearcher tracks,
            IndexSearcher vectors,
            VectorFile vectorFile,
            VectorGroups groups,
            int[] vectorOfDoc) {
        this.tracks = tracks;
        this.vectors = vectors;
        this.vectorFile = vectorFile;
        this.groups = groups;
        this.vectorOfDoc = vectorOfDoc;
    }

    /** The k best tracks by dot product with the query, among those required (null: all) and not excluded. */
    List<Hit> search(float[] query, Query required, Query excluded, int k) throws IOException {
        FixedBitSet excludedTracks = excluded == null ? null : matching(excluded);
        FixedBitSet allowedTracks = null;
        FixedBitSet allowedVectors = null;
        if (required != null) {
            allowedTracks = matching(required);
            if (excludedTracks != null) {
                allowedTracks.andNot(excludedTracks);
            }
            allowedVectors = vectorsOf(allowedTracks);
        } else if (excludedTracks != null) {
            allowedVectors = withoutFullyExcluded(excludedTracks);
        }
        int allowed = allowedVectors == null ? groups.vectorCount() : allowedVectors.cardinality();
        if (allowed == 0) {
            return List.of();
        }
        List<Ranked> best =
                allowed <= EXACT_VECTOR_LIMIT ? exact(query, allowedVectors, k) : hnsw(query, allowedVectors, k);
        FixedBitSet allowedSet = allowedTracks;
        FixedBitSet excludedSet = excludedTracks;
        return expand(
                best,
                k,
                track -> allowedSet != null ? allowedSet.get(track) : excludedSet == null || !excludedSet.get(track));
    }

    private FixedBitSet matching(Query query) throws IOException {
        FixedBitSet bits = new FixedBitSet(groups.trackCount());
        Weight weight = tracks.createWeight(tracks.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
        for (LeafReaderContext leaf : tracks.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            DocIdSetIterator it = scorer.iterator();
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (live == null || live.get(doc)) {
                    bits.set(leaf.docBase + doc);
                }
            }
        }
        return bits;
    }

    private FixedBitSet vectorsOf(FixedBitSet allowedTracks) {
        FixedBitSet bits = new FixedBitSet(groups.vectorCount());
        for (int t = allowedTracks.nextSetBit(0); t != DocIdSetIterator.NO_MORE_DOCS; t = nextSet(allowedTracks, t)) {
            bits.set(groups.vectorOf(t));
        }
        return bits;
    }

    /** Every vector but those whose tracks are all excluded: work in proportion to the exclusions, not the catalog. */
    private FixedBitSet withoutFullyExcluded(FixedBitSet excludedTracks) {
        FixedBitSet bits = new FixedBitSet(groups.vectorCount());
        bits.set(0, groups.vectorCount());
        // Each vector's group is looked at once: an excluded tag excludes whole groups, thousands of tracks each.
        FixedBitSet seen = new FixedBitSet(groups.vectorCount());
        for (int t = excludedTracks.nextSetBit(0); t != DocIdSetIterator.NO_MORE_DOCS; t = nextSet(excludedTracks, t)) {
            int vector = groups.vectorOf(t);
            if (seen.getAndSet(vector)) {
                continue;
            }
            boolean allExcluded = true;
            for (int i = groups.groupStart(vector); i < groups.groupEnd(vector) && allExcluded; i++) {
                allExcluded = excludedTracks.get(groups.trackAt(i));
            }
            if (allExcluded) {
                bits.clear(vector);
            }
        }
        return bits;
    }

    private static int nextSet(FixedBitSet bits, int after) {
        return after + 1 >= bits.length() ? DocIdSetIterator.NO_MORE_DOCS : bits.nextSetBit(after + 1);
    }

    /** Scores every allowed vector; ties go to the lower ordinal (the vector whose first track comes first). */
    private List<Ranked> exact(float[] query, FixedBitSet allowedVectors, int k) {
        PriorityQueue<Ranked> best = new PriorityQueue<>(k + 1, GroupedNearest::compare);
        float[] scratch = new float[vectorFile.dimension()];
        for (int v = 0; v < groups.vectorCount(); v++) {
            if (allowedVectors != null && !allowedVectors.get(v)) {
                continue;
            }
            Ranked candidate = new Ranked(v, vectorFile.dot(query, v, scratch));
            if (best.size() < k) {
                best.add(candidate);
            } else if (compare(candidate, best.peek()) > 0) {
                best.poll();
                best.add(candidate);
            }
        }
        List<Ranked> ranked = new ArrayList<>(best);
        ranked.sort((a, b) -> compare(b, a));
        return ranked;
    }

    private static int compare(Ranked a, Ranked b) {
        int byScore = Float.compare(a.score(), b.score());
        return byScore != 0 ? byScore : Integer.compare(b.vector(), a.vector());
    }

    /**
     * HNSW over the vectors index, each segment searched with the allowed vectors as its accepted documents; its
     * candidates (scored on quantized vectors) are rescored with the exact vectors before the best k are kept.
     */
    private List<Ranked> hnsw(float[] query, FixedBitSet allowedVectors, int k) throws IOException {
        int fetch = Math.max(2 * k, 100); // the beam: fewer candidates than this lose recall
        List<Ranked> ranked = new ArrayList<>();
        float[] scratch = new float[vectorFile.dimension()];
        for (LeafReaderContext leaf : vectors.getIndexReader().leaves()) {
            int base = leaf.docBase;
            int size = leaf.reader().maxDoc();
            Bits accept = allowedVectors == null
                    ? null
                    : new Bits() {
                        @Override
                        public boolean get(int index) {
                            return allowedVectors.get(vectorOfDoc[base + index]);
                        }

                        @Override
                        public int length() {
                            return size;
                        }
                    };
            TopDocs top = leaf.reader()
                    .searchNearestVectors(
                            LuceneDocuments.VECTOR,
                            query,
                            fetch,
                            AcceptDocs.fromLiveDocs(accept, size),
                            Integer.MAX_VALUE);
            for (ScoreDoc doc : top.scoreDocs) {
                int vector = vectorOfDoc[base + doc.doc];
                ranked.add(new Ranked(vector, vectorFile.dot(query, vector, scratch)));
            }
        }
        ranked.sort((a, b) -> compare(b, a));
        return ranked.size() > k ? ranked.subList(0, k) : ranked;
    }

    /** Each vector's allowed tracks, best vector first, until there are k. */
    private List<Hit> expand(List<Ranked> best, int k, TrackFilter allowed) throws IOException {
        List<Hit> hits = new ArrayList<>(k);
        StoredFields stored = tracks.storedFields();
        for (Ranked r : best) {
            for (int i = groups.groupStart(r.vector()); i < groups.groupEnd(r.vector()) && hits.size() < k; i++) {
                int track = groups.trackAt(i);
                if (allowed.test(track)) {
                    hits.add(new Hit(LuceneSearch.id(stored, track), r.score()));
                }
            }
            if (hits.size() == k) {
                break;
            }
        }
        return hits;
    }

    @FunctionalInterface
    private interface TrackFilter {
        boolean test(int track);
    }
}
