package dev.segue.search;

import dev.segue.catalog.ProgressBar;
import dev.segue.catalog.Track;
import dev.segue.embedding.TextEmbedder;
import dev.segue.embedding.VectorKey;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.store.ReadAdvice;
import org.apache.lucene.util.IOUtils;
import org.jboss.logging.Logger;

/**
 * The embedded index: Apache Lucene on disk under the data dir. Tracks (keyword/range filters, BM25 over titles and
 * artists) and their distinct vectors (HNSW, dot product on unit vectors = cosine) are two indexes, with the vectors
 * also in a flat file ({@link VectorFile}); a large index is read from disk as needed, not copied onto the heap. It
 * is built once per catalog fingerprint and opened read-only afterwards; a rebuild writes a new directory and swaps
 * it in ({@link LuceneIndexFiles}), so a crash never leaves half an index.
 */
public final class LuceneVectorStore implements VectorStore {

    private static final Logger LOG = Logger.getLogger(LuceneVectorStore.class);

    private final LuceneIndexFiles files;
    private final StandardAnalyzer analyzer = new StandardAnalyzer();
    private final LuceneSearch search = new LuceneSearch(analyzer);
    private volatile Opened opened;

    /** The open parts of the live index. */
    private record Opened(
            DirectoryReader tracksReader,
            IndexSearcher tracks,
            DirectoryReader vectorsReader,
            VectorFile vectorFile,
            VectorGroups groups,
            GroupedNearest nearest) {}

    /** Opens the index under root; one that cannot be opened (damaged, or from a development build) reads as none. */
    public LuceneVectorStore(Path root) throws IOException {
        this.files = new LuceneIndexFiles(root);
        if (fingerprint().isPresent()) {
            try {
                open();
            } catch (IOException | RuntimeException e) {
                LOG.warnf("the index in %s cannot be opened (%s); it will be rebuilt", root, e.getMessage());
                files.dropManifest();
            }
        }
    }

    @Override
    public String name() {
        return "embedded-lucene";
    }

    public Path location() {
        return files.root();
    }

    LuceneIndexFiles files() {
        return files;
    }

    StandardAnalyzer analyzer() {
        return analyzer;
    }

    @Override
    public Optional<String> fingerprint() {
        return files.fingerprint();
    }

    /** When the live index was built, or empty. */
    public Optional<String> builtAt() {
        return files.manifest().map(IndexManifest::builtAt);
    }

    void open() throws IOException {
        IndexLayout live = files.current();
        DirectoryReader tracksReader = DirectoryReader.open(FSDirectory.open(live.tracksDir()));
        DirectoryReader vectorsReader = null;
        VectorFile vectorFile = null;
        try {
            vectorsReader = DirectoryReader.open(vectorsDirectory(live.vectorsDir()));
            int dimension = files.manifest().map(IndexManifest::dimension).orElse(TextEmbedder.DIMENSION);
            vectorFile = VectorFile.open(live.vectorFile(), dimension);
            if (vectorsReader.maxDoc() != vectorFile.count()) {
                throw new IOException("the vectors index and the vector file disagree: " + vectorsReader.maxDoc()
                        + " and " + vectorFile.count() + " vectors");
            }
            VectorGroups groups = VectorGroups.read(tracksReader, vectorFile.count());
            IndexSearcher tracks = new IndexSearcher(tracksReader);
            int[] vectorOfDoc = VectorGroups.ordinals(vectorsReader, vectorFile.count());
            GroupedNearest nearest =
                    new GroupedNearest(tracks, new IndexSearcher(vectorsReader), vectorFile, groups, vectorOfDoc);
            Opened previous = opened;
            opened = new Opened(tracksReader, tracks, vectorsReader, vectorFile, groups, nearest);
            close(previous);
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(tracksReader, vectorsReader, vectorFile);
            throw e;
        }
    }

    /**
     * The vectors index as a search reads it: at random, a few thousand vectors a search. Lucene would preload the
     * vector data into memory and the kernel read ahead around each vector; neither helps, and at a million tracks
     * both together held 600 MB of the process's memory after one search.
     */
    private static MMapDirectory vectorsDirectory(Path dir) throws IOException {
        MMapDirectory directory = new MMapDirectory(dir);
        directory.setPreload(MMapDirectory.NO_FILES);
        directory.setReadAdvice((file, context) -> Optional.of(ReadAdvice.RANDOM));
        return directory;
    }

    /**
     * Replaces the content with these tracks and vectors (already embedded: a Qdrant parity check, tests). Tracks with
     * the same vector share it, as a build from a catalog file shares identical texts.
     */
    @Override
    public synchronized void replaceAll(
            List<Track> tracks, List<float[]> vectors, String fingerprint, ProgressBar progress) throws IOException {
        IndexLayout building = files.startBuilding(null);
        Map<VectorKey, Integer> ordinals = new HashMap<>();
        int dimension = vectors.isEmpty() ? TextEmbedder.DIMENSION : vectors.get(0).length;
        try (IndexBuild build = IndexBuild.start(building, analyzer);
                VectorFile.Writer out = new VectorFile.Writer(building.vectorFile(), dimension)) {
            for (int i = 0; i < tracks.size(); i++) {
                float[] vector = vectors.get(i);
                Integer ordinal = ordinals.get(new VectorKey(vector));
                if (ordinal == null) {
                    ordinal = ordinals.size();
                    ordinals.put(new VectorKey(vector), ordinal);
                    out.write(ordinal, vector);
                }
                build.addTrack(tracks.get(i), ordinal);
            }
            build.finishTracks();
        }
        IndexBuild.writeVectorIndex(building, dimension, progress.child("vector index"));
        swapIn(new IndexManifest(
                fingerprint,
                tracks.size(),
                ordinals.size(),
                dimension,
                Instant.now().toString(),
                null,
                null));
        progress.done(String.format(Locale.ROOT, "%,d tracks indexed", tracks.size()));
    }

    /** Makes a finished build the live index. */
    synchronized void swapIn(IndexManifest manifest) throws IOException {
        Opened previous = opened;
        opened = null;
        close(previous);
        files.swapIn(manifest);
        open();
    }

    @Override
    public List<Hit> nearest(float[] query, SearchFilter filter, int k) {
        return LuceneSearch.nearest(requireOpen().nearest(), query, filter, k);
    }

    @Override
    public List<Hit> lexical(String text, SearchFilter filter, int k) {
        return search.lexical(requireOpen().tracks(), text, filter, k);
    }

    @Override
    public void readVectors(BiConsumer<String, float[]> sink) throws IOException {
        Opened current = requireOpen();
        StoredFields stored = current.tracks().storedFields();
        for (int track = 0; track < current.groups().trackCount(); track++) {
            sink.accept(
                    LuceneSearch.id(stored, track),
                    current.vectorFile().get(current.groups().vectorOf(track)));
        }
    }

    /** The vectors of the tracks by catalog position, read from the vector file on demand (of the live index). */
    TrackVectors.Source vectorsByPosition() {
        return new TrackVectors.Source() {
            @Override
            public float[] at(int position) {
                Opened current = requireOpen();
                return position < current.groups().trackCount()
                        ? current.vectorFile().get(current.groups().vectorOf(position))
                        : null;
            }

            @Override
            public int missing(int catalogSize) {
                return Math.max(0, catalogSize - requireOpen().groups().trackCount());
            }
        };
    }

    @Override
    public int count() {
        Opened current = opened;
        return current == null ? 0 : current.tracksReader().numDocs();
    }

    /** Distinct vectors in the live index. */
    public int distinctVectors() {
        Opened current = opened;
        return current == null ? 0 : current.vectorFile().count();
    }

    private Opened requireOpen() {
        Opened current = opened;
        if (current == null) {
            throw new IllegalStateException("the index is not built");
        }
        return current;
    }

    private static void close(Opened parts) throws IOException {
        if (parts != null) {
            parts.tracksReader().close();
            parts.vectorsReader().close();
            parts.vectorFile().close();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        Opened previous = opened;
        opened = null;
        close(previous);
    }
}
