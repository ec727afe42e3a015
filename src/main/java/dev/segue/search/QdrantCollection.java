package dev.segue.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.HnswConfigDiff;
import io.qdrant.client.grpc.Collections.Modifier;
import io.qdrant.client.grpc.Collections.OptimizersConfigDiff;
import io.qdrant.client.grpc.Collections.SparseVectorConfig;
import io.qdrant.client.grpc.Collections.SparseVectorParams;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorParamsMap;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.FieldType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The collection definition (vector-store/qdrant/collection.json): Qdrant's own REST bodies for creating the
 * collection and its payload indexes, so an operator can create it with curl from the same file the service reads.
 * Only the settings listed here are read; anything else in the file is an error, not silently ignored.
 */
public record QdrantCollection(JsonNode collection, List<JsonNode> payloadIndexes, JsonNode cluster) {

    /** The dense vector: the embedding of a track's tags. */
    public static final String DENSE = "tags";
    /** The sparse vector: BM25 term weights of title and artist. */
    public static final String SPARSE = "names";

    public static final String CLASSPATH = "/qdrant/collection.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> COLLECTION_KEYS = Set.of(
            "vectors",
            "sparse_vectors",
            "shard_number",
            "replication_factor",
            "write_consistency_factor",
            "on_disk_payload",
            "hnsw_config",
            "optimizers_config");

    public static QdrantCollection load(String path) {
        try {
            if (path != null && !path.isBlank()) {
                return parse(JSON.readTree(Files.readString(Path.of(path))));
            }
            try (InputStream in = QdrantCollection.class.getResourceAsStream(CLASSPATH)) {
                if (in == null) {
                    throw new IllegalStateException("the Qdrant collection definition is missing from the jar");
                }
                return parse(JSON.readTree(in));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Qdrant collection definition " + path, e);
        }
    }

    static QdrantCollection parse(JsonNode root) {
        JsonNode collection = root.path("collection");
        for (Iterator<String> it = collection.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!COLLECTION_KEYS.contains(key)) {
                throw new IllegalArgumentException("collection definition: unsupported setting \"" + key + "\"");
            }
        }
        List<JsonNode> indexes = new ArrayList<>();
        root.path("payload_indexes").forEach(indexes::add);
        QdrantCollection definition = new QdrantCollection(collection, indexes, root.path("cluster"));
        definition.dimension(); // fail early on a definition without the dense vector
        return definition;
    }

    public int dimension() {
        JsonNode size = collection.path("vectors").path(DENSE).path("size");
        if (!size.canConvertToInt() || size.asInt() <= 0) {
            throw new IllegalArgumentException(
                    "collection definition: vectors." + DENSE + ".size must be a positive number");
        }
        return size.asInt();
    }

    public Distance distance() {
        return distance(collection.path("vectors").path(DENSE).path("distance").asText("Cosine"));
    }

    /** The same definition for vectors of another size (tests use small vectors). */
    public QdrantCollection withDimension(int size) {
        JsonNode copy = collection.deepCopy();
        ((ObjectNode) copy.path("vectors").path(DENSE)).put("size", size);
        return new QdrantCollection(copy, payloadIndexes, cluster);
    }

    public CreateCollection createRequest(String name, boolean asCluster) {
        CreateCollection.Builder create = CreateCollection.newBuilder()
                .setCollectionName(name)
                .setVectorsConfig(VectorsConfig.newBuilder()
                        .setParamsMap(VectorParamsMap.newBuilder().putMap(DENSE, denseParams())));
        JsonNode sparse = collection.path("sparse_vectors").path(SPARSE);
        if (!sparse.isMissingNode()) {
            create.setSparseVectorsConfig(SparseVectorConfig.newBuilder().putMap(SPARSE, sparseParams(sparse)));
        }
        setLayout(create, asCluster && !cluster.isMissingNode() ? cluster : collection);
        if (collection.has("on_disk_payload")) {
            create.setOnDiskPayload(collection.get("on_disk_payload").asBoolean());
        }
        JsonNode hnsw = collection.path("hnsw_config");
        if (!hnsw.isMissingNode()) {
            create.setHnswConfig(hnswConfig(hnsw));
        }
        JsonNode optimizers = collection.path("optimizers_config");
        if (!optimizers.isMissingNode()) {
            create.setOptimizersConfig(optimizersConfig(optimizers));
        }
        return create.build();
    }

    private VectorParams denseParams() {
        JsonNode vector = collection.path("vectors").path(DENSE);
        VectorParams.Builder dense =
                VectorParams.newBuilder().setSize(dimension()).setDistance(distance());
        if (vector.has("on_disk")) {
            dense.setOnDisk(vector.get("on_disk").asBoolean());
        }
        return dense.build();
    }

    private static SparseVectorParams sparseParams(JsonNode sparse) {
        SparseVectorParams.Builder params = SparseVectorParams.newBuilder();
        if ("idf".equalsIgnoreCase(sparse.path("modifier").asText(""))) {
            params.setModifier(Modifier.Idf);
        }
        return params.build();
    }

    /** Shards and replicas: the collection's own, or the "cluster" section's when creating for a cluster. */
    private static void setLayout(CreateCollection.Builder create, JsonNode layout) {
        if (layout.has("shard_number")) {
            create.setShardNumber(layout.get("shard_number").asInt());
        }
        if (layout.has("replication_factor")) {
            create.setReplicationFactor(layout.get("replication_factor").asInt());
        }
        if (layout.has("write_consistency_factor")) {
            create.setWriteConsistencyFactor(
                    layout.get("write_consistency_factor").asInt());
        }
    }

    private static HnswConfigDiff hnswConfig(JsonNode hnsw) {
        HnswConfigDiff.Builder h = HnswConfigDiff.newBuilder();
        forEach(hnsw, (key, value) -> {
            switch (key) {
                case "m" -> h.setM(value.asLong());
                case "ef_construct" -> h.setEfConstruct(value.asLong());
                case "full_scan_threshold" -> h.setFullScanThreshold(value.asLong());
                case "payload_m" -> h.setPayloadM(value.asLong());
                case "on_disk" -> h.setOnDisk(value.asBoolean());
                default -> throw unsupported("hnsw_config", key);
            }
        });
        return h.build();
    }

    private static OptimizersConfigDiff optimizersConfig(JsonNode optimizers) {
        OptimizersConfigDiff.Builder o = OptimizersConfigDiff.newBuilder();
        forEach(optimizers, (key, value) -> {
            switch (key) {
                case "default_segment_number" -> o.setDefaultSegmentNumber(value.asLong());
                case "indexing_threshold" -> o.setIndexingThreshold(value.asLong());
                case "deleted_threshold" -> o.setDeletedThreshold(value.asDouble());
                case "vacuum_min_vector_number" -> o.setVacuumMinVectorNumber(value.asLong());
                case "flush_interval_sec" -> o.setFlushIntervalSec(value.asLong());
                default -> throw unsupported("optimizers_config", key);
            }
        });
        return o.build();
    }

    public List<CreateFieldIndexCollection> indexRequests(String name) {
        List<CreateFieldIndexCollection> out = new ArrayList<>();
        for (JsonNode index : payloadIndexes) {
            String schema = index.path("field_schema").asText();
            FieldType type = switch (schema.toLowerCase(Locale.ROOT)) {
                case "keyword" -> FieldType.FieldTypeKeyword;
                case "integer" -> FieldType.FieldTypeInteger;
                case "float" -> FieldType.FieldTypeFloat;
                case "bool" -> FieldType.FieldTypeBool;
                case "text" -> FieldType.FieldTypeText;
                default ->
                    throw new IllegalArgumentException(
                            "collection definition: unsupported field_schema \"" + schema + "\"");
            };
            out.add(CreateFieldIndexCollection.newBuilder()
                    .setCollectionName(name)
                    .setFieldName(index.path("field_name").asText())
                    .setFieldType(type)
                    .setWait(true)
                    .build());
        }
        return out;
    }

    private static Distance distance(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "cosine" -> Distance.Cosine;
            case "dot" -> Distance.Dot;
            case "euclid" -> Distance.Euclid;
            case "manhattan" -> Distance.Manhattan;
            default -> throw new IllegalArgumentException("collection definition: unknown distance \"" + name + "\"");
        };
    }

    private static void forEach(JsonNode node, BiConsumer<String, JsonNode> action) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            action.accept(e.getKey(), e.getValue());
        }
    }

    private static IllegalArgumentException unsupported(String section, String key) {
        return new IllegalArgumentException("collection definition: unsupported setting " + section + "." + key);
    }
}
