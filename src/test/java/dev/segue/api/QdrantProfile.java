package dev.segue.api;

import dev.segue.search.FakeQdrant;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The service on Qdrant (the fake gRPC server), with a 40-track catalog so the first load is quick. */
public class QdrantProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("segue.vector-store", "qdrant"),
                Map.entry("segue.qdrant.collection", "segue_api_test"),
                Map.entry("segue.qdrant.call-timeout", "1500ms"),
                Map.entry("segue.qdrant.max-retries", "1"),
                Map.entry("segue.qdrant.retry-base-delay", "50ms"),
                Map.entry("segue.qdrant.circuit-breaker-volume", "4"),
                Map.entry("segue.qdrant.circuit-breaker-delay", "2s"),
                Map.entry("segue.catalog.path", "src/test/resources/catalogs/spotify-sample.csv"),
                Map.entry("segue.data-dir", "target/test-data-qdrant"));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Server.class));
    }

    /** Starts the fake before the service and hands it to the test. */
    public static class Server implements QuarkusTestResourceLifecycleManager {
        private FakeQdrant fake;

        @Override
        public Map<String, String> start() {
            fake = new FakeQdrant();
            return Map.of("segue.qdrant.host", "localhost", "segue.qdrant.port", String.valueOf(fake.port()));
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(fake, new TestInjector.MatchesType(FakeQdrant.class));
        }

        @Override
        public void stop() {
            if (fake != null) {
                fake.close();
            }
        }
    }
}
