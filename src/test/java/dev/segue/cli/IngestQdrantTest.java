package dev.segue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.segue.search.FakeQdrant;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code ./segue ingest FILE --target qdrant}: batched, idempotent, resumable after the server fails mid-load. */
@QuarkusMainTest
@TestProfile(IngestQdrantTest.Profile.class)
class IngestQdrantTest {

    static final String CATALOG = "src/test/resources/catalogs/spotify-sample.csv";

    /** Qdrant settings come from configuration, as they do for the service (SEGUE_QDRANT_*). */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("segue.qdrant.collection", "cli_test", "segue.qdrant.batch-size", "16");
        }
    }

    FakeQdrant fake;

    /** Each launch starts the application anew and reads the fake's port, like any setting, from the system. */
    @BeforeEach
    void startQdrant() {
        fake = new FakeQdrant();
        System.setProperty("segue.qdrant.port", String.valueOf(fake.port()));
    }

    @AfterEach
    void stopQdrant() {
        System.clearProperty("segue.qdrant.port");
        fake.close();
    }

    @Test
    void loadsInBatchesResumesAfterAFailureAndDoesNothingTheSecondTime(QuarkusMainLauncher launcher) {
        fake.failUpsertsAfter(1);
        LaunchResult failed = launcher.launch("ingest", "--target", "qdrant", CATALOG);
        assertEquals(1, failed.exitCode(), failed.getOutput());
        assertTrue(failed.getErrorOutput().contains("run the same command again to resume"), failed.getErrorOutput());
        assertEquals(16, fake.points("cli_test"), "the first batch made it");

        fake.failUpsertsAfter(-1);
        fake.clearRequests();
        LaunchResult resumed = launcher.launch("ingest", "--target", "QDRANT", CATALOG);
        assertEquals(0, resumed.exitCode(), resumed.getErrorOutput());
        List<Integer> batches = fake.requests(UpsertPoints.class).stream()
                .map(UpsertPoints::getPointsCount)
                .toList();
        assertEquals(List.of(16, 8), batches, "only the 24 tracks that were missing");
        assertEquals(40, fake.points("cli_test"));
        assertTrue(resumed.getOutput().contains("SEGUE_VECTOR_STORE=qdrant"), resumed.getOutput());
        // Rejected rows are named by the line a text editor shows (the file's last five rows, lines 42..46).
        assertTrue(
                resumed.getOutput().contains("first rejected: line 42: missing track_name; line 43:"),
                resumed.getOutput());

        fake.clearRequests();
        LaunchResult again = launcher.launch("ingest", "--target", "qdrant", CATALOG);
        assertEquals(0, again.exitCode(), again.getErrorOutput());
        assertTrue(fake.requests(UpsertPoints.class).isEmpty(), "an up-to-date collection is left alone");
        assertTrue(again.getOutput().contains("already up to date"), again.getOutput());
    }

    @Test
    void aMissingFileIsOneLineAndExitOne(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("ingest", "no-such-catalog.csv");
        assertEquals(1, result.exitCode());
        assertTrue(
                result.getErrorOutput().contains("segue ingest: catalog file not found: no-such-catalog.csv"),
                result.getErrorOutput());
    }

    @Test
    void anUnknownTargetIsAUsageError(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("ingest", "--target", "elastic", CATALOG);
        assertEquals(2, result.exitCode());
        assertTrue(result.getErrorOutput().contains("--target"), result.getErrorOutput());
    }
}
