package dev.segue.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service, for real: a playlist's versions and a DJ session survive a kill -9, and a restart opens the
 * persisted index instead of rebuilding it. Runs in the integration-test phase, after the jar is built.
 */
class RestartPersistenceIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void versionsAndSessionsSurviveKillAndTheIndexIsReopened() throws Exception {
        try (ServiceProcess service = new ServiceProcess(dataDir, List.of())) {
            service.start();
            HttpResponse<String> created =
                    service.post("/api/playlists", "{\"prompt\":\"calm piano music to help me focus while studying\"}");
            assertEquals(201, created.statusCode(), created.body());
            JsonNode v1 = JSON.readTree(created.body());
            String id = v1.get("id").asText();
            assertEquals(20, v1.get("tracks").size());
            HttpResponse<String> refined =
                    service.post("/api/playlists/" + id + "/refine", "{\"prompt\":\"no piano\"}");
            assertEquals(200, refined.statusCode(), refined.body());
            JsonNode v2 = JSON.readTree(refined.body());
            HttpResponse<String> session = service.post("/api/dj/sessions", "{\"prompt\":\"chill electronic\"}");
            assertEquals(201, session.statusCode(), session.body());
            String dj = JSON.readTree(session.body()).get("id").asText();
            JsonNode segment1 = JSON.readTree(
                    service.get("/api/dj/sessions/" + dj + "/next").body());
            assertEquals(
                    202,
                    service.post("/api/dj/sessions/" + dj + "/requests", "{\"text\":\"no more piano\"}")
                            .statusCode());

            service.kill();
            service.start();
            assertTrue(service.log().contains("opened in"), "a restart opens the persisted index:\n" + service.log());

            JsonNode latest = JSON.readTree(service.get("/api/playlists/" + id).body());
            assertEquals(2, latest.get("version").asInt());
            assertEquals(v2.get("tracks"), latest.get("tracks"));
            JsonNode first = JSON.readTree(
                    service.get("/api/playlists/" + id + "?version=1").body());
            assertEquals(v1.get("tracks"), first.get("tracks"));
            HttpResponse<String> again =
                    service.post("/api/playlists/" + id + "/refine", "{\"prompt\":\"make it 30 minutes\"}");
            assertEquals(3, JSON.readTree(again.body()).get("version").asInt(), again.body());

            JsonNode segment2 = JSON.readTree(
                    service.get("/api/dj/sessions/" + dj + "/next").body());
            assertEquals(2, segment2.get("segment").asInt(), "the DJ session continues where it was");
            Set<String> firstSegment = new HashSet<>();
            segment1.get("tracks").forEach(t -> firstSegment.add(t.get("id").asText()));
            segment2.get("tracks")
                    .forEach(t -> assertTrue(!firstSegment.contains(t.get("id").asText()), "no repeat after restart"));
            segment2.get("tracks")
                    .forEach(t -> assertTrue(
                            !t.get("instruments").toString().contains("\"piano\""),
                            "the request made before the kill still holds"));
        }
    }
}
