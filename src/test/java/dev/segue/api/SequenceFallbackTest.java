package dev.segue.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A missing sequence model does not stop the service: it warns, seeded playlists take today's path, extend works. */
@QuarkusTest
@TestProfile(SequenceFallbackTest.MissingModel.class)
class SequenceFallbackTest {

    public static class MissingModel implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("segue.sequence.sequence-encoder", "target/no-such-sequence-encoder.onnx");
        }
    }

    @Test
    void seededPlaylistsTakeTodaysPath() {
        String seed = Api.create("{\"prompt\":\"acoustic folk\",\"length\":5}").getString("tracks[0].id");
        JsonPath p = Api.createTraced("{\"prompt\":\"acoustic folk\",\"seedTrackIds\":[\"" + seed + "\"]}");
        assertEquals(20, p.getList("tracks").size());
        assertEquals("sequence: none (no sequence model loaded)", SequenceApiTest.sequenceNotes(p));
    }

    @Test
    void extendStillAddsTracks() {
        JsonPath p = Api.create("{\"prompt\":\"calm piano\",\"length\":5}");
        List<String> before = p.getList("tracks.id");
        JsonPath extended = Api.post("/api/playlists/" + p.getString("id") + "/extend?trace=true", Map.of("count", 4))
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> after = extended.getList("tracks.id");
        assertEquals(9, after.size());
        assertEquals(before, after.subList(0, 5));
        assertEquals(9, after.stream().distinct().count());
        assertTrue(SequenceApiTest.sequenceNotes(extended).contains("no sequence model loaded"));
    }
}
