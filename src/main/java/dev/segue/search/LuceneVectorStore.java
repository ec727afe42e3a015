package dev.segue.search;

import dev.segue.catalog.ProgressBar;
import dev.segue.catalog.Track;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;

/**
 * The embedded index: Apache Lucene on disk under the data dir, HNSW vectors (dot product on unit vectors = cosine)
 * with keyword/range filters, plus BM25 over titles and artists. It is built once per catalog fingerprint and
 * opened read-only afterwards; a rebuild writes a new directory and swaps it in ({@link LuceneIndexFiles}), so a
 * crash never leaves half an index. Documents are laid out by {@link LuceneDocuments}, searched by
 * {@link LuceneSearch}.
 */
public final class LuceneVectorStore implements VectorStore {

    private final LuceneIndexFiles files;
    private final StandardAnalyzer analyzer = new StandardAnalyzer();
    private final LuceneSearch search = new LuceneSearch(analyzer);
    private volatile DirectoryReader reader;
    private volatile IndexSearcher searcher;

    public LuceneVectorStore(Path root) throws IOException {
        this.files = new LuceneIndexFiles(root);
        if (fingerprint().isPresent()) {
            open();
        }
    }

    @Override
    public String name() {
        return "embedded-lucene";
    }

    public Path location() {
        return files.root();
    }

    @Override
    public Optional<String> fingerprint() {
        return files.fingerprint();
    }

    public Map<String, Object> manifest() {
        return files.manifest();
    }

    private void open() throws IOException {
        DirectoryReader opened = DirectoryReader.open(FSDirectory.open(files.indexDir()));
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
        Path built = files.write(tracks, vectors, analyzer, progress);
        Map<String, Object> manifest = LuceneIndexFiles.manifest(fingerprint, tracks, vectors);
        // Swap: drop the manifest first so a crash mid-swap reads as "no index" and rebuilds.
        files.dropManifest();
        closeReader();
        files.swapIn(built, manifest);
        open();
        progress.done(String.format(Locale.ROOT, "%,d tracks indexed", tracks.size()));
    }

    @Override
    public List<Hit> nearest(float[] query, SearchFilter filter, int k) {
        return search.nearest(requireOpen(), query, filter, k);
    }

    @Override
    public List<Hit> lexical(String text, SearchFilter filter, int k) {
        return search.lexical(requireOpen(), text, filter, k);
    }

    @Override
    public void readVectors(BiConsumer<String, float[]> sink) throws IOException {
        DirectoryReader current = reader;
        if (current == null) {
            throw new IllegalStateException("the index is not built");
        }
        for (LeafReaderContext leaf : current.leaves()) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(LuceneDocuments.VECTOR);
            if (values == null) {
                continue;
            }
            StoredFields stored = leaf.reader().storedFields();
            KnnVectorValues.DocIndexIterator it = values.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                sink.accept(
                        stored.document(doc, Set.of(LuceneDocuments.ID)).get(LuceneDocuments.ID),
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

    private void closeReader() throws IOException {
        if (reader != null) {
            reader.close();
            reader = null;
            searcher = null;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closeReader();
    }
}
