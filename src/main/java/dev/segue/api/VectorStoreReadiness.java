package dev.segue.api;

import dev.segue.search.FallbackVectorStore;
import dev.segue.search.QdrantVectorStore;
import dev.segue.search.SearchIndex;
import dev.segue.search.VectorStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the vector store can answer searches: the index opened and, with Qdrant, the server reachable with a
 * usable, fully loaded collection (reported with its point count and status). With the embedded fallback on, an
 * unreachable Qdrant leaves the service ready but degraded, since searches are still answered.
 */
@Readiness
@ApplicationScoped
public class VectorStoreReadiness implements HealthCheck {

    private final SearchIndex index;

    VectorStoreReadiness(SearchIndex index) {
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        VectorStore backend = index.backend();
        HealthCheckResponseBuilder health =
                HealthCheckResponse.named("vector-store").withData("store", backend.name());
        if (!index.ready()) {
            return health.down()
                    .withData("message", "the catalog index is not ready: " + index.problem())
                    .build();
        }
        boolean fallback = backend instanceof FallbackVectorStore;
        VectorStore primary = backend instanceof FallbackVectorStore f ? f.primary() : backend;
        if (!(primary instanceof QdrantVectorStore qdrant)) {
            return health.up().build();
        }
        QdrantVectorStore.Health h = qdrant.health();
        health.withData("endpoint", qdrant.settings().endpoint())
                .withData("collection", qdrant.settings().collection())
                .withData("points", h.points())
                .withData("collectionStatus", h.collectionStatus());
        if (backend instanceof FallbackVectorStore f) {
            health.withData("fallbackSearches", f.fallbacks());
        }
        if (h.up()) {
            return health.up().build();
        }
        if (fallback) {
            return health.up()
                    .withData("message", "degraded: " + h.message() + "; searches use the embedded index")
                    .build();
        }
        return health.down().withData("message", h.message()).build();
    }
}
