package dev.segue.search;

import static dev.segue.search.QdrantCollectionAdmin.META_COUNT;
import static dev.segue.search.QdrantCollectionAdmin.META_FINGERPRINT;
import static dev.segue.search.QdrantCollectionAdmin.META_LAYOUT;
import static dev.segue.search.QdrantCollectionAdmin.META_LOADING;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ValueFactory.value;

import dev.segue.catalog.ProgressBar;
import dev.segue.catalog.Track;
import dev.segue.config.SegueConfig;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.UpdateResult;
import io.qdrant.client.grpc.Points.UpsertPoints;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Loading a catalog into the collection, resumably. A load marks itself in the metadata first and stamps every point
 * with its fingerprint; the fingerprint is recorded last. So an interrupted load reads as incomplete, and a second run
 * with the same content uploads only the points that are missing (ids are stable, see {@link QdrantPoints}).
 */
final class QdrantLoader {

    private static final Logger LOG = Logger.getLogger(QdrantLoader.class);

    private final SegueConfig.Qdrant settings;
    private final QdrantClient client;
    private final QdrantCalls calls;
    private final QdrantCollectionAdmin collection;
    private final QdrantSearch points;

    QdrantLoader(
            SegueConfig.Qdrant settings,
            QdrantClient client,
            QdrantCalls calls,
            QdrantCollectionAdmin collection,
            QdrantSearch points) {
        this.settings = settings;
        this.client = client;
        this.calls = calls;
        this.collection = collection;
        this.points = points;
    }

    void replaceAll(List<Track> tracks, List<float[]> vectors, String fingerprint, ProgressBar progress) {
        CollectionInfo info = collection.ensure();
        String loading = QdrantCollectionAdmin.metadata(info, META_LOADING);
        // Not complete until the end: a crash from here on reads as "no usable content" and the load runs again.
        collection.writeMetadata(Map.of(
                META_FINGERPRINT,
                value(""),
                META_LOADING,
                value(fingerprint),
                META_LAYOUT,
                value(QdrantPoints.LAYOUT)));
        Set<String> present = fingerprint.equals(loading) ? loadedPointIds(fingerprint) : Set.of();
        if (!present.isEmpty()) {
            LOG.infof(
                    "resuming an interrupted load into %s: %,d of %,d tracks are already there",
                    settings.collection(), present.size(), tracks.size());
        }
        upsertMissing(tracks, vectors, fingerprint, present, progress);
        deleteStale(fingerprint);
        collection.writeMetadata(
                Map.of(META_FINGERPRINT, value(fingerprint), META_LOADING, value(""), META_COUNT, value((long)
                        tracks.size())));
        collection.loaded(tracks.size());
        progress.done(
                String.format(Locale.ROOT, "%,d tracks in Qdrant collection %s", tracks.size(), settings.collection()));
    }

    /** Every track not already present, in batches of segue.qdrant.batch-size, in catalog order. */
    private void upsertMissing(
            List<Track> tracks, List<float[]> vectors, String fingerprint, Set<String> present, ProgressBar progress) {
        Bm25Vectors bm25 = Bm25Vectors.over(tracks);
        progress.total(tracks.size());
        List<PointStruct> batch = new ArrayList<>(settings.batchSize());
        int done = 0;
        for (int i = 0; i < tracks.size(); i++) {
            Track track = tracks.get(i);
            PointId id = QdrantPoints.pointId(track.id());
            if (!present.contains(id.getUuid())) {
                batch.add(QdrantPoints.point(track, id, vectors.get(i), bm25, fingerprint));
            }
            if (batch.size() == settings.batchSize() || (i == tracks.size() - 1 && !batch.isEmpty())) {
                upsert(batch);
                batch = new ArrayList<>(settings.batchSize());
            }
            done = i + 1;
            if (done % settings.batchSize() == 0) {
                progress.update(done, "tracks");
            }
        }
        progress.update(done, "tracks");
    }

    private void upsert(List<PointStruct> batch) {
        UpsertPoints request = UpsertPoints.newBuilder()
                .setCollectionName(settings.collection())
                .setWait(true)
                .addAllPoints(batch)
                .build();
        calls.write(
                "upsert " + batch.size() + " points",
                UpdateResult.class,
                () -> client.upsertAsync(request, settings.writeTimeout()));
    }

    /** Points of earlier content (tracks no longer in the catalog) go; the new ones all carry this fingerprint. */
    private void deleteStale(String fingerprint) {
        Filter stale = Filter.newBuilder()
                .addMustNot(matchKeyword(QdrantPoints.FINGERPRINT, fingerprint))
                .build();
        calls.write(
                "delete stale points",
                UpdateResult.class,
                () -> client.deleteAsync(
                        DeletePoints.newBuilder()
                                .setCollectionName(settings.collection())
                                .setWait(true)
                                .setPoints(PointsSelector.newBuilder().setFilter(stale))
                                .build(),
                        settings.writeTimeout()));
    }

    /** Ids of points already written by a load of this fingerprint (ids only: no vectors, no payload). */
    private Set<String> loadedPointIds(String fingerprint) {
        Set<String> ids = new HashSet<>();
        Filter mine = Filter.newBuilder()
                .addMust(matchKeyword(QdrantPoints.FINGERPRINT, fingerprint))
                .build();
        points.scroll(mine, false, List.of(), point -> ids.add(point.getId().getUuid()));
        return ids;
    }
}
