package dev.segue.search;

import dev.segue.search.FakeQdrant.Collection;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.Collections.CollectionConfig;
import io.qdrant.client.grpc.Collections.CollectionExists;
import io.qdrant.client.grpc.Collections.CollectionExistsRequest;
import io.qdrant.client.grpc.Collections.CollectionExistsResponse;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.CollectionOperationResponse;
import io.qdrant.client.grpc.Collections.CollectionParams;
import io.qdrant.client.grpc.Collections.CollectionStatus;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.GetCollectionInfoRequest;
import io.qdrant.client.grpc.Collections.GetCollectionInfoResponse;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.UpdateCollection;
import io.qdrant.client.grpc.CollectionsGrpc;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Collections gRPC service of {@link FakeQdrant}: exists, create, update (metadata) and info. */
final class FakeQdrantCollections extends CollectionsGrpc.CollectionsImplBase {

    private final FakeQdrant fake;

    FakeQdrantCollections(FakeQdrant fake) {
        this.fake = fake;
    }

    @Override
    public void collectionExists(CollectionExistsRequest r, StreamObserver<CollectionExistsResponse> o) {
        if (fake.admit(r, o)) {
            FakeQdrant.answer(
                    o,
                    () -> CollectionExistsResponse.newBuilder()
                            .setResult(CollectionExists.newBuilder()
                                    .setExists(fake.collections().containsKey(r.getCollectionName())))
                            .build());
        }
    }

    @Override
    public void create(CreateCollection r, StreamObserver<CollectionOperationResponse> o) {
        if (fake.admit(r, o)) {
            FakeQdrant.answer(o, () -> {
                if (fake.collections().putIfAbsent(r.getCollectionName(), new Collection(r)) != null) {
                    throw Status.ALREADY_EXISTS
                            .withDescription("Collection `" + r.getCollectionName() + "` already exists!")
                            .asRuntimeException();
                }
                return CollectionOperationResponse.newBuilder().setResult(true).build();
            });
        }
    }

    @Override
    public void update(UpdateCollection r, StreamObserver<CollectionOperationResponse> o) {
        if (fake.admit(r, o)) {
            FakeQdrant.answer(o, () -> {
                Collection c = fake.require(r.getCollectionName());
                synchronized (c) {
                    c.metadata.putAll(r.getMetadataMap()); // Qdrant merges metadata into what is stored
                }
                return CollectionOperationResponse.newBuilder().setResult(true).build();
            });
        }
    }

    @Override
    public void get(GetCollectionInfoRequest r, StreamObserver<GetCollectionInfoResponse> o) {
        if (fake.admit(r, o)) {
            FakeQdrant.answer(o, () -> {
                Collection c = fake.require(r.getCollectionName());
                synchronized (c) {
                    CreateCollection d = c.definition;
                    CollectionParams params = CollectionParams.newBuilder()
                            .setVectorsConfig(d.getVectorsConfig())
                            .setSparseVectorsConfig(d.getSparseVectorsConfig())
                            .setShardNumber(d.hasShardNumber() ? d.getShardNumber() : 1)
                            .setReplicationFactor(d.hasReplicationFactor() ? d.getReplicationFactor() : 1)
                            .setOnDiskPayload(d.getOnDiskPayload())
                            .build();
                    CollectionInfo info = CollectionInfo.newBuilder()
                            .setStatus(CollectionStatus.Green)
                            .setPointsCount(c.points.size())
                            .setSegmentsCount(1)
                            .setConfig(CollectionConfig.newBuilder()
                                    .setParams(params)
                                    .setHnswConfig(d.getHnswConfig())
                                    .setOptimizerConfig(d.getOptimizersConfig())
                                    .putAllMetadata(c.metadata))
                            .putAllPayloadSchema(payloadSchema(c))
                            .build();
                    return GetCollectionInfoResponse.newBuilder()
                            .setResult(info)
                            .build();
                }
            });
        }
    }

    private static Map<String, PayloadSchemaInfo> payloadSchema(Collection c) {
        Map<String, PayloadSchemaInfo> schema = new LinkedHashMap<>();
        for (CreateFieldIndexCollection index : c.indexes) {
            PayloadSchemaType type = switch (index.getFieldType()) {
                case FieldTypeKeyword -> PayloadSchemaType.Keyword;
                case FieldTypeInteger -> PayloadSchemaType.Integer;
                case FieldTypeFloat -> PayloadSchemaType.Float;
                case FieldTypeBool -> PayloadSchemaType.Bool;
                case FieldTypeText -> PayloadSchemaType.Text;
                default -> PayloadSchemaType.UnknownType;
            };
            schema.put(
                    index.getFieldName(),
                    PayloadSchemaInfo.newBuilder().setDataType(type).build());
        }
        return schema;
    }
}
