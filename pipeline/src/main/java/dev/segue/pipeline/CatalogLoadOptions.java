package dev.segue.pipeline;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/**
 * What the load reads and where it writes, as Beam pipeline options ({@code --catalog=...}), next to the runner's own
 * ({@code --runner}, {@code --targetParallelism}, {@code --flinkMaster}, ...). Qdrant settings left out are read as
 * the service reads them: SEGUE_QDRANT_* environment variables, then the service's defaults.
 */
public interface CatalogLoadOptions extends PipelineOptions {

    @Description("The catalog: a file or a glob of shards (CSV or JSONL, each optionally gzip-compressed)")
    @Validation.Required
    String getCatalog();

    void setCatalog(String value);

    @Description("auto (detect from each shard's header), jamendo, spotify, csv or jsonl")
    @Default.String("auto")
    String getFormat();

    void setFormat(String value);

    @Description("A .properties file: canonical column name = your column name (as segue ingest --mapping)")
    String getMapping();

    void setMapping(String value);

    @Description("Qdrant host (default: SEGUE_QDRANT_HOST, else localhost)")
    String getQdrantHost();

    void setQdrantHost(String value);

    @Description("Qdrant gRPC port (default: SEGUE_QDRANT_PORT, else 6334)")
    Integer getQdrantPort();

    void setQdrantPort(Integer value);

    @Description("Qdrant collection (default: SEGUE_QDRANT_COLLECTION, else segue_tracks)")
    String getQdrantCollection();

    void setQdrantCollection(String value);

    @Description("Points per upsert (default: SEGUE_QDRANT_BATCH_SIZE, else 256)")
    Integer getQdrantBatchSize();

    void setQdrantBatchSize(Integer value);

    @Description(
            "Groups the tracks are split into by a hash of their text, to embed each distinct text once: at least a"
                    + " few per worker thread, and about one per 50,000 tracks on a large catalog (a group is held by one worker)")
    @Default.Integer(64)
    int getTextGroups();

    void setTextGroups(int value);

    @Description("Distinct track texts per ONNX batch")
    @Default.Integer(256)
    int getEmbedBatchSize();

    void setEmbedBatchSize(int value);
}
