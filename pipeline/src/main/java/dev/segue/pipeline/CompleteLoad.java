package dev.segue.pipeline;

import static io.qdrant.client.ValueFactory.value;

import dev.segue.catalog.IngestReport;
import dev.segue.config.SegueConfig;
import dev.segue.search.QdrantCollectionAdmin;
import io.qdrant.client.QdrantClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * After the last batch: points of an earlier catalog go, then the fingerprint and the count are recorded, which
 * makes the load complete, as the service's loader finishes one. The service started on the same catalog file then
 * finds its fingerprint and opens the collection without embedding anything. Prints the ingest summary.
 */
final class CompleteLoad extends DoFn<Long, String> {

    private final QdrantTarget target;
    private final PCollectionView<String> fingerprintView;
    private final PCollectionView<IngestReport> reportView;
    private final PCollectionView<Long> duplicatesView;

    CompleteLoad(
            QdrantTarget target,
            PCollectionView<String> fingerprint,
            PCollectionView<IngestReport> report,
            PCollectionView<Long> duplicates) {
        this.target = target;
        this.fingerprintView = fingerprint;
        this.reportView = report;
        this.duplicatesView = duplicates;
    }

    @ProcessElement
    public void complete(@Element Long points, ProcessContext context) {
        IngestReport report = withDuplicates(context.sideInput(reportView), context.sideInput(duplicatesView), points);
        if (points == 0) {
            throw new IllegalStateException(report.summary() + "\nno track was accepted; nothing to index");
        }
        String fingerprint = context.sideInput(fingerprintView);
        SegueConfig.Qdrant settings = target.settings();
        try (QdrantClient client = target.client()) {
            CollectionMetadata.deleteStale(client, settings.collection(), settings.writeTimeout(), fingerprint);
            CollectionMetadata.write(
                    client,
                    settings.collection(),
                    settings.writeTimeout(),
                    Map.of(
                            QdrantCollectionAdmin.META_FINGERPRINT,
                            value(fingerprint),
                            QdrantCollectionAdmin.META_LOADING,
                            value(""),
                            QdrantCollectionAdmin.META_COUNT,
                            value(points)));
        }
        String summary = report.summary() + String.format("%n%,d points in Qdrant %s", points, target.describe());
        System.out.println(summary);
        context.output(summary);
    }

    /** The shards' report with the ids repeated across shards rejected, as one file's would show them. */
    static IngestReport withDuplicates(IngestReport shards, long duplicates, long accepted) {
        if (duplicates == 0) {
            return shards;
        }
        Map<String, Integer> rejected = new LinkedHashMap<>(shards.rejectedByReason());
        rejected.merge("duplicate id", (int) duplicates, Integer::sum);
        List<String> samples = new ArrayList<>(shards.rejectedSamples());
        return new IngestReport(
                shards.source(),
                shards.format(),
                shards.rowsRead(),
                (int) accepted,
                rejected,
                samples,
                shards.checksum());
    }
}
