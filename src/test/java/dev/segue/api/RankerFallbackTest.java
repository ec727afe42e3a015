package dev.segue.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A missing model file does not stop the service: it starts, warns, and ranks with the foundation scorer. */
@QuarkusTest
@TestProfile(RankerFallbackTest.MissingModel.class)
class RankerFallbackTest {

    public static class MissingModel implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("segue.ranker.model", "target/no-such-ranker.onnx");
        }
    }

    @Test
    void playlistsUseTheFoundationScorer() {
        JsonPath p = Api.create("{\"prompt\":\"happy summer pop\"}");
        assertEquals("baseline", p.getString("ranker"));
        assertEquals(20, p.getList("tracks").size());
    }
}
