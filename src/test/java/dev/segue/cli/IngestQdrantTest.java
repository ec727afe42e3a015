package dev.segue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.search.FakeQdrant;
import io.qdrant.client.grpc.Points.UpsertPoints;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code ./segue ingest FILE --target qdrant}: batched, idempotent, resumable after the server fails mid-load. */
class IngestQdrantTest {

    static final String CATALOG = "src/test/resources/catalogs/spotify-sample.csv";

    FakeQdrant fake;
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream stdout;
    PrintStream stderr;

    @BeforeEach
    void start() {
        fake = new FakeQdrant();
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setOut(stdout);
        System.setErr(stderr);
        fake.close();
    }

    private int ingest() {
        return Ingest.run(new String[] {
            "--target",
            "qdrant",
            "--qdrant",
            "localhost:" + fake.port(),
            "--collection",
            "cli_test",
            "--batch-size",
            "16",
            CATALOG
        });
    }

    @Test
    void loadsInBatchesResumesAfterAFailureAndDoesNothingTheSecondTime() {
        fake.failUpsertsAfter(1);
        assertEquals(1, ingest());
        assertTrue(err.toString().contains("run the same command again to resume"), err.toString());
        assertEquals(16, fake.points("cli_test"), "the first batch made it");

        fake.failUpsertsAfter(-1);
        fake.clearRequests();
        assertEquals(0, ingest(), err.toString());
        List<Integer> batches = fake.requests(UpsertPoints.class).stream()
                .map(UpsertPoints::getPointsCount)
                .toList();
        assertEquals(List.of(16, 8), batches, "only the 24 tracks that were missing");
        assertEquals(40, fake.points("cli_test"));
        assertTrue(out.toString().contains("SEGUE_VECTOR_STORE=qdrant"), out.toString());

        fake.clearRequests();
        assertEquals(0, ingest());
        assertTrue(fake.requests(UpsertPoints.class).isEmpty(), "an up-to-date collection is left alone");
        assertTrue(out.toString().contains("already up to date"), out.toString());
    }
}
