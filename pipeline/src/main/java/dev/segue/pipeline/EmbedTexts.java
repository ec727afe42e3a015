package dev.segue.pipeline;

import dev.segue.catalog.ProgressBar;
import dev.segue.catalog.Track;
import dev.segue.embedding.TextEmbedder;
import dev.segue.embedding.TrackText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Embeds each distinct track text ({@link TrackText#of}) once with the service's model, and hands every track of a
 * text its vector. Tracks arrive grouped by a hash of their text, so all tracks of one text are in one group: a text
 * is embedded once in the whole catalog (tags-only texts repeat a lot), in batches of distinct texts.
 */
final class EmbedTexts extends DoFn<KV<Integer, Iterable<Track>>, EmbeddedTrack> {

    private final int batchSize;
    private final Counter texts = Metrics.counter(EmbedTexts.class, "distinct-texts");
    private transient TextEmbedder embedder;

    EmbedTexts(int batchSize) {
        this.batchSize = batchSize;
    }

    /** Which group a track goes to: equal texts, equal group. */
    static int group(Track track, int groups) {
        return Math.floorMod(TrackText.of(track).hashCode(), groups);
    }

    @Setup
    public void loadModel() {
        embedder = SharedEmbedder.get();
    }

    @ProcessElement
    public void embed(@Element KV<Integer, Iterable<Track>> group, OutputReceiver<EmbeddedTrack> out) {
        Map<String, List<Track>> byText = new LinkedHashMap<>();
        for (Track track : group.getValue()) {
            byText.computeIfAbsent(TrackText.of(track), text -> new ArrayList<>())
                    .add(track);
        }
        List<String> distinct = new ArrayList<>(byText.keySet());
        for (int start = 0; start < distinct.size(); start += batchSize) {
            List<String> batch = distinct.subList(start, Math.min(distinct.size(), start + batchSize));
            List<float[]> vectors = embedder.embedAll(batch, ProgressBar.SILENT);
            for (int i = 0; i < batch.size(); i++) {
                for (Track track : byText.get(batch.get(i))) {
                    out.output(new EmbeddedTrack(track, vectors.get(i)));
                }
            }
            texts.inc(batch.size());
        }
    }
}
