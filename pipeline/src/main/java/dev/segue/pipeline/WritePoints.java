package dev.segue.pipeline;

import dev.segue.config.SegueConfig;
import dev.segue.search.Bm25Vectors;
import dev.segue.search.QdrantPoints;
import io.grpc.Status;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.UpsertPoints;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Upserts the points in batches of segue.qdrant.batch-size, built by the service's {@link QdrantPoints} (same ids,
 * payload, dense and BM25 sparse vectors, fingerprint). Idempotent: a point id is a name-based UUID of the track id,
 * so a retried bundle or a rerun overwrites the same points. Each batch answers how many points it wrote.
 */
final class WritePoints extends DoFn<EmbeddedTrack, Long> {

    private static final int ATTEMPTS = 4;

    private final QdrantTarget target;
    private final PCollectionView<String> fingerprintView;
    private final PCollectionView<Float> averageLengthView;
    private final Counter written = Metrics.counter(WritePoints.class, "points");
    private transient SegueConfig.Qdrant settings;
    private transient QdrantClient client;
    private transient List<PointStruct> batch;

    WritePoints(QdrantTarget target, PCollectionView<String> fingerprint, PCollectionView<Float> averageLength) {
        this.target = target;
        this.fingerprintView = fingerprint;
        this.averageLengthView = averageLength;
    }

    @Setup
    public void connect() {
        settings = target.settings();
        client = target.client();
    }

    @StartBundle
    public void startBatch() {
        batch = new ArrayList<>(settings.batchSize());
    }

    @ProcessElement
    public void add(@Element EmbeddedTrack embedded, ProcessContext context) {
        String fingerprint = context.sideInput(fingerprintView);
        Bm25Vectors bm25 = new Bm25Vectors(context.sideInput(averageLengthView));
        String trackId = embedded.track().id();
        batch.add(QdrantPoints.point(
                embedded.track(), QdrantPoints.pointId(trackId), embedded.vector(), bm25, fingerprint));
        if (batch.size() >= settings.batchSize()) {
            context.output(upsert());
        }
    }

    @FinishBundle
    public void flush(FinishBundleContext context) {
        if (!batch.isEmpty()) {
            context.output(upsert(), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
        }
    }

    private long upsert() {
        UpsertPoints request = UpsertPoints.newBuilder()
                .setCollectionName(settings.collection())
                .setWait(true)
                .addAllPoints(batch)
                .build();
        for (int attempt = 1; ; attempt++) {
            try {
                CollectionMetadata.await(
                        "upsert " + batch.size() + " points",
                        client.upsertAsync(request, settings.writeTimeout()),
                        settings.writeTimeout());
                break;
            } catch (IllegalStateException e) {
                if (attempt >= ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
        long count = batch.size();
        written.inc(count);
        batch = new ArrayList<>(settings.batchSize());
        return count;
    }

    /** Unavailable or too slow: worth another try (the runner retries the whole bundle after the last one). */
    private static boolean isTransient(Throwable e) {
        Status.Code code = Status.fromThrowable(e).getCode();
        return code == Status.Code.UNAVAILABLE
                || code == Status.Code.DEADLINE_EXCEEDED
                || e.getCause() instanceof TimeoutException;
    }

    private void pause(int attempt) {
        long millis = Math.min(
                settings.retryMaxDelay().toMillis(), settings.retryBaseDelay().toMillis() << attempt);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Teardown
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
