package dev.segue.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segue.catalog.Catalog;
import dev.segue.catalog.ProgressBar;
import dev.segue.catalog.Track;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.apache.lucene.util.VectorUtil;

/**
 * The embedded index: Apache Lucene on disk under the data dir, HNSW vectors (dot product on unit vectors = cosine)
 * with keyword/range filters, plus BM25 over titles and artists. It is built once per catalog fingerprint and
 * opened read-only afterwards; a rebuild writes a new directory and swaps it in, so a crash never leaves half an index.
 */
public final class LuceneVectorStore implements VectorStore {

    private static final String F_ID = "id";
    private static final String F_TAG = "tag";
    private static final String F_ARTIST = "artist_key";
    private static final String F_YEAR = "year";
    private static final String F_DURATION = "duration";
    private static final String F_EXPLICIT = "explicit";
    private static final String F_INSTRUMENTALNESS = "instrumentalness";
    private static final String F_NAMES = "names";
    private static final String F_VECTOR = "vector";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Up to this many tracks, nearest-neighbour search is exact; above it, HNSW. */
    static final int EXACT_SEARCH_LIMIT = 200_000;

    private final Path root;
    private final StandardAnalyzer analyzer = new StandardAnalyzer();
    private volatile DirectoryReader reader;
    private volatile IndexSearcher searcher;

    public LuceneVectorStore(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(root);
        if (fingerprint().isPresent()) {
            open();
        }
    }

    @Override
    public String name() {
        return "embedded-lucene";
    }

    public Path location() {
        return root;
    }

    private Path manifestFile() {
        return root.resolve("manifest.json");
    }

    private Path indexDir() {
        return root.resolve("lucene");
    }

    @Override
    public Optional<String> fingerprint() {
        try {
            if (!Files.isRegularFile(manifestFile()) || !Files.isDirectory(indexDir())) {
                return Optional.empty();
            }
            Map<?, ?> manifest = JSON.readValue(manifestFile().toFile(), Map.class);
            Object value = manifest.get("fingerprint");
            return value == null ? Optional.empty() : Optional.of(value.toString());
        } catch (IOException e) {
            return Optional.empty(); // an unreadable manifest means "rebuild", never "fail to start"
        }
    }

    public Map<String, Object> manifest() {
        try {
            return Files.isRegularFile(manifestFile())
                    ? JSON.readValue(manifestFile().toFile(), Map.class)
                    : Map.of();
        } catch (IOException e) {
            return Map.of();
        }
    }

    private void open() throws IOException {
        DirectoryReader opened = DirectoryReader.open(FSDirectory.open(indexDir()));
        DirectoryReader previous = reader;
        reader = opened;
        searcher = new IndexSearcher(opened);
        if (previous != null) {
            previous.close();
        }
    }

    @Override
    public synchronized void replaceAll(
            List<Track> tracks, List<float[]> vectors, String fingerprint, ProgressBar progress) throws IOException {
        Path building = root.resolve("lucene-building");
        deleteRecursively(building);
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(512) // one flush, one segment: no HNSW merge work
                .setUseCompoundFile(false);
        progress.total(tracks.size());
        try (FSDirectory directory = FSDirectory.open(building);
                IndexWriter writer = new IndexWriter(directory, config)) {
            for (int i = 0; i < tracks.size(); i++) {
                writer.addDocument(document(tracks.get(i), vectors.get(i)));
                if (i % 500 == 0) {
                    progress.update(i, "tracks");
                }
            }
            writer.commit();
        }
        progress.update(tracks.size(), "tracks");
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("fingerprint", fingerprint);
        manifest.put("count", tracks.size());
        manifest.put("dimension", vectors.isEmpty() ? 0 : vectors.get(0).length);
        manifest.put("builtAt", Instant.now().toString());
        // Swap: drop the manifest first so a crash mid-swap reads as "no index" and rebuilds.
        Files.deleteIfExists(manifestFile());
        if (reader != null) {
            reader.close();
            reader = null;
            searcher = null;
        }
        deleteRecursively(indexDir());
        Files.move(building, indexDir(), StandardCopyOption.ATOMIC_MOVE);
        Path tmp = root.resolve("manifest.json.tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), manifest);
        Files.move(tmp, manifestFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        open();
        progress.done(String.format(java.util.Locale.ROOT, "%,d tracks indexed", tracks.size()));
    }

    private static Document document(Track track, float[] vector) {
        Document doc = new Document();
        doc.add(new StringField(F_ID, track.id(), Field.Store.YES));
        Stream.of(track.genres(), track.moods(), track.instruments())
                .flatMap(List::stream)
                .distinct()
                .forEach(tag -> doc.add(new StringField(F_TAG, tag, Field.Store.NO)));
        doc.add(new StringField(F_ARTIST, Catalog.artistKey(track.artist()), Field.Store.NO));
        if (track.year() != null) {
            doc.add(new IntPoint(F_YEAR, track.year()));
        }
        doc.add(new DoublePoint(F_DURATION, track.durationSec()));
        if (Boolean.TRUE.equals(track.explicit())) {
            doc.add(new StringField(F_EXPLICIT, "true", Field.Store.NO));
        }
        if (track.features() != null && track.features().instrumentalness() != null) {
            doc.add(new DoublePoint(F_INSTRUMENTALNESS, track.features().instrumentalness()));
        }
        doc.add(new TextField(F_NAMES, track.title() + " \n " + track.artist(), Field.Store.NO));
        doc.add(new KnnFloatVectorField(F_VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        return doc;
    }

    @Override
    public List<Hit> nearest(float[] query, SearchFilter filter, int k) {
        IndexSearcher current = requireOpen();
        Query restriction = toLucene(filter);
        if (count() <= EXACT_SEARCH_LIMIT) {
            return exactNearest(current, query, restriction, k);
        }
        // Over-fetch: HNSW with a restrictive filter can miss neighbours at small k (Lucene falls back to exact
        // search when the filter leaves few documents, which is what we want for narrow tag combinations).
        int fetch = Math.max(k, 100);
        Query knn = new KnnFloatVectorQuery(F_VECTOR, query, fetch, restriction);
        // Lucene scores DOT_PRODUCT as (1 + cos) / 2; turn it back into a cosine.
        return run(current, knn, k, score -> 2 * score - 1);
    }

    /**
     * Every allowed vector scored (SIMD dot products): for catalogs up to {@link #EXACT_SEARCH_LIMIT} tracks this is
     * about a millisecond, and exact. HNSW recall suffers on catalogs like the demo's, where many tracks share the
     * same tags and so the same vector (measured: about 0.8 of the true top 20 by score).
     */
    private List<Hit> exactNearest(IndexSearcher current, float[] query, Query restriction, int k) {
        try {
            Weight allowed = restriction == null
                    ? null
                    : current.createWeight(current.rewrite(restriction), ScoreMode.COMPLETE_NO_SCORES, 1);
            record Scored(float score, int doc) {}
            // Many tracks share a vector (same tags): ties go to the earlier track, so results are deterministic and
            // the same on every engine.
            java.util.Comparator<Scored> better = java.util.Comparator.comparingDouble(Scored::score)
                    .thenComparing(Scored::doc, java.util.Comparator.reverseOrder());
            PriorityQueue<Scored> best = new PriorityQueue<>(k + 1, better);
            for (LeafReaderContext leaf : current.getIndexReader().leaves()) {
                FloatVectorValues values = leaf.reader().getFloatVectorValues(F_VECTOR);
                if (values == null) {
                    continue;
                }
                DocIdSetIterator filter = null;
                if (allowed != null) {
                    Scorer scorer = allowed.scorer(leaf);
                    if (scorer == null) {
                        continue; // nothing in this segment passes the filter
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
                    Scored candidate = new Scored(score, doc + leaf.docBase);
                    if (best.size() < k) {
                        best.add(candidate);
                    } else if (better.compare(candidate, best.peek()) > 0) {
                        best.poll();
                        best.add(candidate);
                    }
                }
            }
            List<Scored> ranked = new ArrayList<>(best);
            ranked.sort(better.reversed());
            StoredFields stored = current.storedFields();
            List<Hit> hits = new ArrayList<>(ranked.size());
            for (Scored r : ranked) {
                hits.add(new Hit(stored.document(r.doc(), Set.of(F_ID)).get(F_ID), r.score()));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("index search failed", e);
        }
    }

    @Override
    public List<Hit> lexical(String text, SearchFilter filter, int k) {
        IndexSearcher current = requireOpen();
        Query match = new QueryBuilder(analyzer).createBooleanQuery(F_NAMES, text);
        if (match == null) {
            return List.of(); // only stop words or punctuation
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(match, Occur.MUST);
        Query restriction = toLucene(filter);
        if (restriction != null) {
            query.add(restriction, Occur.FILTER);
        }
        return run(current, query.build(), k, score -> score);
    }

    private List<Hit> run(IndexSearcher current, Query query, int k, java.util.function.DoubleUnaryOperator rescale) {
        try {
            TopDocs top = current.search(query, k);
            StoredFields stored = current.storedFields();
            List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc doc : top.scoreDocs) {
                hits.add(new Hit(stored.document(doc.doc, Set.of(F_ID)).get(F_ID), rescale.applyAsDouble(doc.score)));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("index search failed", e);
        }
    }

    /** The filter as a Lucene query, or null when it restricts nothing. */
    static Query toLucene(SearchFilter filter) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean positive = false;
        boolean any = false;
        for (Set<String> group : filter.tagGroups()) {
            b.add(anyOf(F_TAG, group), Occur.FILTER);
            positive = any = true;
        }
        if (!filter.artists().isEmpty()) {
            b.add(
                    anyOf(
                            F_ARTIST,
                            filter.artists().stream().map(Catalog::artistKey).toList()),
                    Occur.FILTER);
            positive = any = true;
        }
        if (filter.yearFrom() != null || filter.yearTo() != null) {
            int from = filter.yearFrom() == null ? Integer.MIN_VALUE : filter.yearFrom();
            int to = filter.yearTo() == null ? Integer.MAX_VALUE : filter.yearTo();
            b.add(IntPoint.newRangeQuery(F_YEAR, from, to), Occur.FILTER);
            positive = any = true;
        }
        if (filter.maxDurationSec() != null) {
            b.add(DoublePoint.newRangeQuery(F_DURATION, 0, filter.maxDurationSec()), Occur.FILTER);
            positive = any = true;
        }
        if (filter.minInstrumentalness() != null) {
            b.add(DoublePoint.newRangeQuery(F_INSTRUMENTALNESS, filter.minInstrumentalness(), 1.0), Occur.FILTER);
            positive = any = true;
        }
        // One clause per list, however long: a DJ session excludes every track it has played, and a Lucene boolean
        // query refuses more than 1,024 clauses (a soak test's sessions failed there after ~340 segments).
        if (!filter.excludeTags().isEmpty()) {
            b.add(anyOf(F_TAG, filter.excludeTags()), Occur.MUST_NOT);
            any = true;
        }
        if (!filter.excludeArtists().isEmpty()) {
            b.add(
                    anyOf(
                            F_ARTIST,
                            filter.excludeArtists().stream()
                                    .map(Catalog::artistKey)
                                    .toList()),
                    Occur.MUST_NOT);
            any = true;
        }
        if (!filter.excludeIds().isEmpty()) {
            b.add(anyOf(F_ID, filter.excludeIds()), Occur.MUST_NOT);
            any = true;
        }
        if (filter.excludeExplicit()) {
            b.add(new TermQuery(new Term(F_EXPLICIT, "true")), Occur.MUST_NOT);
            any = true;
        }
        if (!any) {
            return null;
        }
        if (!positive) {
            b.add(new MatchAllDocsQuery(), Occur.FILTER); // a query of only MUST_NOT clauses matches nothing
        }
        return b.build();
    }

    /** Documents with any of the values in the field: one term-set query, with no limit on how many values. */
    private static Query anyOf(String field, java.util.Collection<String> values) {
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    @Override
    public void readVectors(BiConsumer<String, float[]> sink) throws IOException {
        DirectoryReader current = reader;
        if (current == null) {
            throw new IllegalStateException("the index is not built");
        }
        for (LeafReaderContext leaf : current.leaves()) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(F_VECTOR);
            if (values == null) {
                continue;
            }
            StoredFields stored = leaf.reader().storedFields();
            KnnVectorValues.DocIndexIterator it = values.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                sink.accept(
                        stored.document(doc, Set.of(F_ID)).get(F_ID),
                        values.vectorValue(it.index()).clone());
            }
        }
    }

    @Override
    public int count() {
        DirectoryReader current = reader;
        return current == null ? 0 : current.numDocs();
    }

    private IndexSearcher requireOpen() {
        IndexSearcher current = searcher;
        if (current == null) {
            throw new IllegalStateException("the index is not built");
        }
        return current;
    }

    @Override
    public synchronized void close() throws IOException {
        if (reader != null) {
            reader.close();
            reader = null;
            searcher = null;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
