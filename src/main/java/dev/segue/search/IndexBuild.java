package dev.segue.search;

import dev.segue.catalog.CatalogSnapshot;
import dev.segue.catalog.ProgressBar;
import dev.segue.catalog.Track;
import java.io.IOException;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogByteSizeMergePolicy;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.store.FSDirectory;

/**
 * One build of the embedded index, written into a directory of its own ({@link IndexLayout}): the tracks index and the
 * catalog snapshot as tracks stream in, then the vectors index from the finished vector file. Document ids are
 * positions (tracks in catalog order, vectors in ordinal order), so no lookup table is needed between them.
 */
final class IndexBuild implements AutoCloseable {

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
     * Indexes the vector file's vectors in ordinal order for HNSW search. Segments are never merged (that would
     * rebuild their graphs for nothing): a search visits each, in order, so document ids stay ordinals.
     */
    static void writeVectorIndex(IndexLayout layout, int dimension, ProgressBar progress) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig()
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(256)
                .setMergePolicy(NoMergePolicy.INSTANCE)
                .setUseCompoundFile(false);
        try (VectorFile vectors = VectorFile.open(layout.vectorFile(), dimension);
                FSDirectory directory = FSDirectory.open(layout.vectorsDir());
                IndexWriter writer = new IndexWriter(directory, config)) {
            progress.total(vectors.count());
            float[] vector = new float[dimension];
            for (int ordinal = 0; ordinal < vectors.count(); ordinal++) {
                vectors.read(ordinal, vector);
                writer.addDocument(LuceneDocuments.vector(vector));
                if (ordinal % 1000 == 0) {
                    progress.update(ordinal, "vectors");
                }
            }
            writer.commit();
            progress.update(vectors.count(), "vectors");
            progress.done(String.format(Locale.ROOT, "%,d distinct vectors", vectors.count()));
        }
    }

    @Override
    public void close() throws IOException {
        if (tracks.isOpen()) {
            tracks.rollback();
        }
    }
}
