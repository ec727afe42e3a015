package dev.segue.search;

import dev.segue.catalog.CatalogSnapshot;
import dev.segue.catalog.ProgressBar;
import dev.segue.catalog.Track;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogByteSizeMergePolicy;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;

/**
 * One build of the embedded index, written into a directory of its own ({@link IndexLayout}): the tracks index and the
 * catalog snapshot as tracks stream in, then the vectors index from the finished vector file. A track's document id
 * is its catalog position; a vector's document stores its ordinal.
 */
final class IndexBuild implements AutoCloseable {

    /**
     * HNSW over 7-bit scalar-quantized vectors: a search reads a quarter of the bytes the float graph does (what stays
     * in memory when serving), and {@link GroupedNearest} rescores its candidates with the exact vectors.
     */
    private static final Codec VECTOR_CODEC = new Lucene104Codec() {
        @Override
        public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
            return new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.SEVEN_BIT, 16, 100);
        }
    };

    private final IndexLayout layout;
    private final IndexWriter tracks;
    private final CatalogSnapshot.Writer snapshot;

    private IndexBuild(IndexLayout layout, IndexWriter tracks, CatalogSnapshot.Writer snapshot) {
        this.layout = layout;
        this.tracks = tracks;
        this.snapshot = snapshot;
    }

    static IndexBuild start(IndexLayout layout, Analyzer analyzer) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(64) // memory bounded by this buffer, not by the catalog
                .setMergePolicy(new LogByteSizeMergePolicy()) // merges neighbours only: document ids stay positions
                .setUseCompoundFile(false);
        IndexWriter writer = new IndexWriter(FSDirectory.open(layout.tracksDir()), config);
        return new IndexBuild(layout, writer, new CatalogSnapshot.Writer(layout.snapshotFile()));
    }

    /** The next track of the catalog, whose vector has this ordinal. */
    void addTrack(Track track, int vectorOrdinal) throws IOException {
        tracks.addDocument(LuceneDocuments.track(track, vectorOrdinal));
        snapshot.write(track, vectorOrdinal);
    }

    int tracks() {
        return snapshot.count();
    }

    /** Closes the tracks index (one segment: filters and names are then one lookup) and the snapshot. */
    void finishTracks() throws IOException {
        snapshot.close();
        tracks.forceMerge(1);
        tracks.commit();
        tracks.close();
    }

    /**
     * Indexes the vector file's vectors for HNSW search, one thread per core, each over its own range of ordinals:
     * Lucene builds a segment's graph in the thread that adds its documents, so this is what uses every core. Each
     * document carries its ordinal; segments are never merged (that would rebuild their graphs for nothing).
     */
    static void writeVectorIndex(IndexLayout layout, int dimension, ProgressBar progress) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig()
                .setCodec(VECTOR_CODEC)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(256)
                .setMergePolicy(NoMergePolicy.INSTANCE)
                .setUseCompoundFile(false);
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        int count = VectorFile.count(layout.vectorFile(), dimension);
        try (FSDirectory directory = FSDirectory.open(layout.vectorsDir());
                IndexWriter writer = new IndexWriter(directory, config)) {
            progress.total(count);
            AtomicInteger added = new AtomicInteger();
            int share = (count + threads - 1) / threads;
            List<Future<?>> parts = new ArrayList<>();
            for (int first = 0; first < count; first += share) {
                int from = first;
                int to = Math.min(count, first + share);
                parts.add(pool.submit(() -> {
                    VectorFile.readRange(layout.vectorFile(), dimension, from, to, (ordinal, vector) -> {
                        writer.addDocument(LuceneDocuments.vector(vector, ordinal));
                        if (added.incrementAndGet() % 1000 == 0) {
                            progress.update(added.get(), "vectors");
                        }
                    });
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
            writer.commit();
            progress.done(String.format(Locale.ROOT, "%,d distinct vectors", count));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while indexing vectors", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io
                    ? io
                    : new IOException("indexing vectors failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public void close() throws IOException {
        if (tracks.isOpen()) {
            tracks.rollback();
        }
    }
}
