package dev.segue.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.catalog.ProgressBar;
import dev.segue.embedding.Vectors;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points.QueryPoints;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Searching Qdrant against {@link FakeQdrant}: the same answers as the embedded index for the same tracks, filters
 * and queries, filters sent as must / must_not conditions, and every stored vector read back.
 */
class QdrantSearchTest extends QdrantStoreFixture {

    @Test
    void searchesAnswerLikeTheEmbeddedIndex() throws Exception {
        store.replaceAll(tracks, vectors, "fp-1", ProgressBar.SILENT);
        try (LuceneVectorStore lucene = new LuceneVectorStore(dir)) {
            lucene.replaceAll(tracks, vectors, "fp-1", ProgressBar.SILENT);
            List<SearchFilter> filters = new ArrayList<>(List.of(
                    SearchFilter.NONE,
                    SampleFilters.complex(),
                    new SearchFilter(
                            null,
                            Set.of("sad", "piano"),
                            null,
                            Set.of("Artist 3", "BLUE horizon"),
                            null,
                            null,
                            null,
                            true,
                            null,
                            Set.of("t1", "t2")),
                    new SearchFilter(null, null, Set.of("blue  horizon!"), null, null, 1999, 300.0, false, 0.5, null)));
            Random random = new Random(11);
            for (int i = 0; i < 25; i++) {
                filters.add(randomFilter(random));
            }
            for (SearchFilter filter : filters) {
                for (int q : new int[] {0, 5, 77}) {
                    assertSameRanking(
                            lucene.nearest(vectors.get(q), filter, 20),
                            store.nearest(vectors.get(q), filter, 20),
                            1e-5);
                }
                assertFindsWhatTheFilterAllows(store, tracks, vectors.get(1), filter);
                for (String text : List.of("blue horizon", "song 7", "Blue song 14 artist", "artist")) {
                    assertSameRanking(lucene.lexical(text, filter, 30), store.lexical(text, filter, 30), 1e-4);
                }
            }
            assertEquals(List.of(), store.lexical(" -- ", SearchFilter.NONE, 10));
        }
    }

    @Test
    void filtersAreSentAsMustAndMustNotConditions() {
        store.replaceAll(tracks, vectors, "fp-1", ProgressBar.SILENT);
        fake.clearRequests();
        store.nearest(vectors.get(0), SampleFilters.complex(), 7);
        QueryPoints query = fake.requests(QueryPoints.class).get(0);
        assertEquals("tags", query.getUsing());
        assertEquals(7, query.getLimit());
        assertEquals(128, query.getParams().getHnswEf());
        Filter f = query.getFilter();
        assertEquals(
                List.of("folk", "jazz"),
                f.getMust(0).getField().getMatch().getKeywords().getStringsList());
        assertEquals(
                List.of("piano"),
                f.getMust(1).getField().getMatch().getKeywords().getStringsList());
        assertEquals("year", f.getMust(2).getField().getKey());
        assertEquals(1970, f.getMust(2).getField().getRange().getGte());
        assertEquals(2000, f.getMust(2).getField().getRange().getLte());
        assertEquals(
                List.of("sad"),
                f.getMustNot(0).getField().getMatch().getKeywords().getStringsList());
        assertEquals(
                List.of("artist 3"),
                f.getMustNot(1).getField().getMatch().getKeywords().getStringsList());
        assertTrue(f.getMustNot(2).getField().getMatch().getBoolean());
        assertEquals(QdrantPoints.pointId("t20"), f.getMustNot(3).getHasId().getHasId(0));
        assertEquals(3, f.getMustCount());
        assertEquals(4, f.getMustNotCount());
        assertEquals(0, f.getShouldCount());

        fake.clearRequests();
        store.nearest(vectors.get(0), SearchFilter.NONE, 5);
        assertFalse(fake.requests(QueryPoints.class).get(0).hasFilter(), "no filter when nothing is restricted");
    }

    @Test
    void readVectorsStreamsEveryStoredVector() {
        store.replaceAll(tracks, vectors, "fp-1", ProgressBar.SILENT);
        Map<String, float[]> read = new HashMap<>();
        store.readVectors(read::put);
        assertEquals(400, read.size());
        for (int i = 0; i < tracks.size(); i++) {
            assertEquals(1.0, Vectors.dot(read.get("t" + i), vectors.get(i)), 1e-5);
        }
    }
}
