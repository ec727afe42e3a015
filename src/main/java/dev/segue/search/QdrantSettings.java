package dev.segue.search;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach Qdrant and how hard to try. The service fills it from {@code segue.qdrant.*}; the ingest command,
 * which runs without the container, from the same names in the environment ({@code SEGUE_QDRANT_HOST}, …).
 */
public record QdrantSettings(
        String host,
        int port,
        Optional<String> apiKey,
        boolean useTls,
        String collection,
        /* per search or read call: the gRPC deadline and the fault-tolerance timeout */
        Duration callTimeout,
        /* per write (one upsert batch, creating the collection): loads are slower than searches */
        Duration writeTimeout,
        int maxRetries,
        Duration retryBaseDelay,
        Duration retryMaxDelay,
        int circuitBreakerVolume,
        Duration circuitBreakerDelay,
        int batchSize,
        /* create the collection with the definition's "cluster" shard and replica numbers */
        boolean cluster,
        /* a collection definition file; empty = vector-store/qdrant/collection.json as shipped in the jar */
        Optional<String> definition) {

    public static QdrantSettings defaults() {
        return new QdrantSettings(
                "localhost",
                6334,
                Optional.empty(),
                false,
                "segue_tracks",
                Duration.ofSeconds(2),
                Duration.ofSeconds(60),
                2,
                Duration.ofMillis(100),
                Duration.ofSeconds(1),
                8,
                Duration.ofSeconds(10),
                256,
                false,
                Optional.empty());
    }

    /** Defaults overridden by SEGUE_QDRANT_* variables, for commands that run outside the service. */
    public static QdrantSettings fromEnvironment(Map<String, String> env) {
        QdrantSettings d = defaults();
        return new QdrantSettings(
                env.getOrDefault("SEGUE_QDRANT_HOST", d.host()),
                Integer.parseInt(env.getOrDefault("SEGUE_QDRANT_PORT", String.valueOf(d.port()))),
                Optional.ofNullable(env.get("SEGUE_QDRANT_API_KEY")).filter(k -> !k.isBlank()),
                Boolean.parseBoolean(env.getOrDefault("SEGUE_QDRANT_USE_TLS", String.valueOf(d.useTls()))),
                env.getOrDefault("SEGUE_QDRANT_COLLECTION", d.collection()),
                d.callTimeout(),
                d.writeTimeout(),
                d.maxRetries(),
                d.retryBaseDelay(),
                d.retryMaxDelay(),
                d.circuitBreakerVolume(),
                d.circuitBreakerDelay(),
                Integer.parseInt(env.getOrDefault("SEGUE_QDRANT_BATCH_SIZE", String.valueOf(d.batchSize()))),
                Boolean.parseBoolean(env.getOrDefault("SEGUE_QDRANT_CLUSTER", String.valueOf(d.cluster()))),
                Optional.ofNullable(env.get("SEGUE_QDRANT_DEFINITION")).filter(p -> !p.isBlank()));
    }

    public QdrantSettings withEndpoint(String host, int port) {
        return new QdrantSettings(
                host,
                port,
                apiKey,
                useTls,
                collection,
                callTimeout,
                writeTimeout,
                maxRetries,
                retryBaseDelay,
                retryMaxDelay,
                circuitBreakerVolume,
                circuitBreakerDelay,
                batchSize,
                cluster,
                definition);
    }

    public QdrantSettings withCollection(String name) {
        return new QdrantSettings(
                host,
                port,
                apiKey,
                useTls,
                name,
                callTimeout,
                writeTimeout,
                maxRetries,
                retryBaseDelay,
                retryMaxDelay,
                circuitBreakerVolume,
                circuitBreakerDelay,
                batchSize,
                cluster,
                definition);
    }

    public QdrantSettings withBatchSize(int size) {
        return new QdrantSettings(
                host,
                port,
                apiKey,
                useTls,
                collection,
                callTimeout,
                writeTimeout,
                maxRetries,
                retryBaseDelay,
                retryMaxDelay,
                circuitBreakerVolume,
                circuitBreakerDelay,
                size,
                cluster,
                definition);
    }

    public String endpoint() {
        return (useTls ? "https://" : "http://") + host + ":" + port;
    }

    /** Retry-After for a failure: how long the circuit breaker stays open, the natural time to come back. */
    int retryAfterSeconds() {
        return (int) Math.max(1, (circuitBreakerDelay.toMillis() + 999) / 1000);
    }
}
