package dev.segue.pipeline;

import static io.qdrant.client.ValueFactory.value;

import dev.segue.config.SegueConfig;
import dev.segue.search.QdrantCollectionAdmin;
import dev.segue.search.QdrantPoints;
import dev.segue.search.QdrantVectorStore;
import io.qdrant.client.QdrantClient;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * Before any point is written: the collection exists (created from the service's definition, or checked against
 * it), and its metadata says a load of this fingerprint is under way and no load is complete, as the service's loader
 * marks it. A load cut short therefore reads as incomplete, and the service reloads instead of serving holes.
 */
final class PrepareCollection extends DoFn<String, String> {

    private final QdrantTarget target;

    PrepareCollection(QdrantTarget target) {
        this.target = target;
    }

    @ProcessElement
    public void prepare(@Element String fingerprint, OutputReceiver<String> out) {
        try (QdrantVectorStore store = target.store()) {
            store.fingerprint(); // creates the collection and its payload indexes, or fails on a foreign one
        }
        SegueConfig.Qdrant settings = target.settings();
        try (QdrantClient client = target.client()) {
            CollectionMetadata.write(
                    client,
                    settings.collection(),
                    settings.writeTimeout(),
                    Map.of(
                            QdrantCollectionAdmin.META_FINGERPRINT,
                            value(""),
                            QdrantCollectionAdmin.META_LOADING,
                            value(fingerprint),
                            QdrantCollectionAdmin.META_LAYOUT,
                            value(QdrantPoints.LAYOUT)));
        }
        out.output(fingerprint);
    }
}
