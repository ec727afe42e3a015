package dev.segue.search;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.CatalogIngester;
import dev.segue.catalog.CatalogSnapshot;
import dev.segue.catalog.CatalogSource;
import dev.segue.catalog.IngestReport;
import dev.segue.catalog.ProgressBar;
import dev.segue.embedding.TextEmbedder;
import dev.segue.embedding.TrackText;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The embedded index of a catalog file, opened or built. Opening trusts the file's stamp (path, size, time) and reads
 * the catalog from the index's snapshot, never from the file. Building streams the file: each track goes to the index
 * as it is read, each distinct text is embedded once, in the background, and an interrupted build is resumed.
 */
public final class CatalogIndexer {

    private static final Logger LOG = Logger.getLogger(CatalogIndexer.class);

    private final LuceneVectorStore store;
    private final Function<List<String>, List<float[]>> embed;
    private final DistinctTexts.Batching batching;

    CatalogIndexer(
            LuceneVectorStore store, Function<List<String>, List<float[]>> embed, DistinctTexts.Batching batching) {
        this.store = store;
        this.embed = embed;
        this.batching = batching;
    }

    public static CatalogIndexer of(LuceneVectorStore store, TextEmbedder embedder) {
        return new CatalogIndexer(
                store, texts -> embedder.embedAll(texts, ProgressBar.SILENT), DistinctTexts.Batching.DEFAULT);
    }

    /** The index of this catalog file, opened as it is when it was built from the file as it stands, else built. */
    public SearchIndex openOrBuild(CatalogSource source, ProgressBar progress) throws IOException {
        long start = System.nanoTime();
        SourceStamp stamp = SourceStamp.of(source, SearchIndex.SCHEMA);
        Optional<IndexManifest> manifest = store.files().manifest().filter(m -> fits(m, stamp));
        boolean rebuilt = manifest.isEmpty();
        IndexManifest current = rebuilt ? build(source, stamp, progress) : manifest.get();
        Catalog catalog = readCatalog(source, current);
        return SearchIndex.opened(catalog, store, rebuilt, (System.nanoTime() - start) / 1e9);
    }

    private static boolean fits(IndexManifest manifest, SourceStamp stamp) {
        return stamp.equals(manifest.source())
                && manifest.report() != null
                && SearchIndex.fingerprint(manifest.report().checksum()).equals(manifest.fingerprint());
    }

    /** Streams the catalog into a new index and swaps it in. */
    IndexManifest build(CatalogSource source, SourceStamp stamp, ProgressBar progress) throws IOException {
        IndexLayout building = store.files().startBuilding(stamp);
        CatalogIngester.Streamed streamed;
        int distinct;
        int tracks;
        try (IndexBuild build = IndexBuild.start(building, store.analyzer());
                DistinctTexts texts = new DistinctTexts(
                        building, TextEmbedder.DIMENSION, embed, batching, progress.child("embedding"))) {
            if (texts.resumed() > 0) {
                LOG.infof("resuming an interrupted build: %,d vectors are already done", texts.resumed());
            }
            streamed = CatalogIngester.stream(
                    source,
                    progress.child("reading catalog"),
                    track -> build.addTrack(track, texts.ordinal(TrackText.of(track))));
            texts.finish();
            build.finishTracks();
            distinct = texts.count();
            tracks = build.tracks();
        }
        IngestReport report = streamed.report();
        if (tracks == 0) {
            throw new NoTracksException(source.location());
        }
        IndexBuild.writeVectorIndex(building, TextEmbedder.DIMENSION, progress.child("vector index"));
        IndexManifest manifest = new IndexManifest(
                SearchIndex.fingerprint(report.checksum()),
                tracks,
                distinct,
                TextEmbedder.DIMENSION,
                Instant.now().toString(),
                stamp,
                report);
        store.swapIn(manifest);
        return manifest;
    }

    private Catalog readCatalog(CatalogSource source, IndexManifest manifest) throws IOException {
        IngestReport report = manifest.report();
        CatalogSnapshot.Contents contents =
                CatalogSnapshot.read(store.files().current().snapshotFile(), report.format(), source.columnMapping());
        return new Catalog(contents.tracks(), report);
    }
}
