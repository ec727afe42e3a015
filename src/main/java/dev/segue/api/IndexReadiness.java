package dev.segue.api;

import dev.segue.search.SearchIndex;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the catalog is loaded and its index holds every track. */
@Readiness
@ApplicationScoped
public class IndexReadiness implements HealthCheck {

    private final SearchIndex index;

    IndexReadiness(SearchIndex index) {
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        int tracks = index.catalog().size();
        int indexed = index.store().count();
        return HealthCheckResponse.named("catalog-index")
                .status(tracks > 0 && indexed >= tracks)
                .withData("tracks", tracks)
                .withData("indexed", indexed)
                .withData("store", index.store().name())
                .build();
    }
}
