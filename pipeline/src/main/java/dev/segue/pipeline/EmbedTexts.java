package dev.segue.pipeline;

import dev.segue.catalog.ProgressBar;
import dev.segue.catalog.Track;
import dev.segue.embedding.TextEmbedder;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;

/**
 * Embeds each distinct track text once ({@code TrackText.of}, grouped by text upstream: tags-only texts repeat a lot)
 * with the service's model, in batches of distinct texts, and hands every track of a text its vector.
 */
final class EmbedTexts extends DoFn<KV<String, Iterable<Track>>, EmbeddedTrack> {

    private final int batchSize;
    private final Counter texts = Metrics.counter(EmbedTexts.class, "distinct-texts");
    private final Counter tracks = Metrics.counter(EmbedTexts.class, "tracks");
    private transient TextEmbedder embedder;
    private transient List<KV<String, Iterable<Track>>> batch;

    EmbedTexts(int batchSize) {
        this.batchSize = batchSize;
    }

    @Setup
    public void loadModel() {
        embedder = SharedEmbedder.get();
    }

    @StartBundle
    public void startBatch() {
        batch = new ArrayList<>(batchSize);
    }

    @ProcessElement
    public void add(@Element KV<String, Iterable<Track>> byText, OutputReceiver<EmbeddedTrack> out) {
        batch.add(byText);
        if (batch.size() >= batchSize) {
            embed().forEach(out::output);
        }
    }

    /** What is left of the bundle; a batch pipeline's elements all live in the global window. */
    @FinishBundle
    public void flush(FinishBundleContext context) {
        for (EmbeddedTrack track : embed()) {
            context.output(track, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
        }
    }

    private List<EmbeddedTrack> embed() {
        List<EmbeddedTrack> out = new ArrayList<>();
        if (batch.isEmpty()) {
            return out;
        }
        List<float[]> vectors = embedder.embedAll(batch.stream().map(KV::getKey).toList(), ProgressBar.SILENT);
        for (int i = 0; i < batch.size(); i++) {
            for (Track track : batch.get(i).getValue()) {
                out.add(new EmbeddedTrack(track, vectors.get(i)));
                tracks.inc();
            }
        }
        texts.inc(batch.size());
        batch = new ArrayList<>(batchSize);
        return out;
    }
}
