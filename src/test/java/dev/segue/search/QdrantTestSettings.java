package dev.segue.search;

import dev.segue.config.SegueConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** {@code segue.qdrant.*} for tests that build a store without the container, through the real config mapping. */
final class QdrantTestSettings {

    private QdrantTestSettings() {}

    /** Fast deadlines and a small circuit breaker on localhost:port, overridden by {@code more} (keys below segue.qdrant). */
    static SegueConfig.Qdrant fast(int port, Map<String, String> more) {
        Map<String, String> values = new HashMap<>(Map.of(
                "port", String.valueOf(port),
                "collection", "segue_test",
                "call-timeout", "400ms",
                "write-timeout", "2s",
                "max-retries", "2",
                "retry-base-delay", "20ms",
                "retry-max-delay", "100ms",
                "circuit-breaker-volume", "4",
                "circuit-breaker-delay", "800ms",
                "batch-size", "128"));
        values.putAll(more);
        return of(values);
    }

    static SegueConfig.Qdrant of(Map<String, String> qdrant) {
        Map<String, String> properties = new HashMap<>();
        qdrant.forEach((key, value) -> properties.put("segue.qdrant." + key, value));
        return new SmallRyeConfigBuilder()
                .withMapping(SegueConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build()
                .getConfigMapping(SegueConfig.class)
                .qdrant();
    }
}
