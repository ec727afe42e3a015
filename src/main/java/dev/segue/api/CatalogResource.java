package dev.segue.api;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.TagCategory;
import dev.segue.embedding.TextEmbedder;
import dev.segue.embedding.TrackText;
import dev.segue.search.LuceneVectorStore;
import dev.segue.search.SearchIndex;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/catalog")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "catalog")
public class CatalogResource {

    private final SearchIndex index;

    CatalogResource(SearchIndex index) {
        this.index = index;
    }

    public record IndexInfo(
            String store,
            int count,
            int dimension,
            String model,
            String trackText,
            String builtAt,
            boolean rebuiltAtStart,
            double openSeconds) {}

    public record CatalogInfo(
            int size,
            String source,
            String format,
            String checksum,
            long rowsRead,
            long rejectedRows,
            int artists,
            boolean hasYears,
            boolean hasAudioFeatures,
            Map<String, Map<String, Integer>> vocabulary,
            IndexInfo index) {}

    @GET
    @Operation(summary = "Catalog size, tag vocabulary with counts, and index facts")
    public CatalogInfo info() {
        Catalog catalog = index.catalog();
        Map<String, Map<String, Integer>> vocabulary = new LinkedHashMap<>();
        for (TagCategory category : TagCategory.values()) {
            vocabulary.put(category.label(), catalog.vocabulary(category));
        }
        String builtAt = index.backend() instanceof LuceneVectorStore lucene
                ? lucene.builtAt().orElse("")
                : null;
        IndexInfo info = new IndexInfo(
                index.store().name(),
                index.store().count(),
                TextEmbedder.DIMENSION,
                TextEmbedder.MODEL_ID,
                TrackText.VERSION,
                builtAt,
                index.rebuilt(),
                Math.round(index.openSeconds() * 100) / 100.0);
        return new CatalogInfo(
                catalog.size(),
                catalog.report().source(),
                catalog.report().format().name().toLowerCase(Locale.ROOT),
                catalog.checksum(),
                catalog.report().rowsRead(),
                catalog.report().rejected(),
                catalog.artistsByKey().size(),
                catalog.hasYears(),
                catalog.hasAudioFeatures(),
                vocabulary,
                info);
    }
}
