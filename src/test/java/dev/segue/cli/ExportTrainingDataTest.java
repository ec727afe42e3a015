package dev.segue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segue.embedding.TextEmbedder;
import dev.segue.ranking.RankerFeatures;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ./segue export-training-data} on the configured catalog: every file tools/ranker reads, sized consistently. */
@QuarkusMainTest
@TestProfile(ExportTrainingDataTest.Profile.class)
class ExportTrainingDataTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "segue.catalog.path", "src/test/resources/catalogs/spotify-sample.csv",
                    "segue.data-dir", "target/test-data-export");
        }
    }

    @Test
    void writesTracksVectorsFeaturesAndCandidatePools(QuarkusMainLauncher launcher) throws Exception {
        Path out = Path.of("target/export-test");
        Path queries = Files.createDirectories(out).resolve("queries.jsonl");
        Files.write(
                queries,
                List.of(
                        "{\"qid\": \"q1\", \"prompt\": \"energetic pop\"}",
                        "{\"qid\": \"q2\", \"prompt\": \"calm rock\", \"candidates\": \"catalog\"}"));

        LaunchResult result =
                launcher.launch("export-training-data", "--out", out.toString(), "--queries", queries.toString());

        assertEquals(0, result.exitCode(), result.getErrorOutput());
        JsonNode manifest =
                new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        int tracks = manifest.get("tracks").asInt();
        assertEquals(40, tracks, "the sample catalog's accepted tracks");
        assertEquals(2, manifest.get("requests").asInt());
        long candidates = manifest.get("candidates").asLong();
        assertTrue(candidates >= tracks, "the second query scores the whole catalog: " + candidates);
        assertEquals(tracks, Files.readAllLines(out.resolve("tracks.jsonl")).size());
        assertEquals((long) tracks * TextEmbedder.DIMENSION * 4, Files.size(out.resolve("track_vectors.f32")));
        assertEquals((long) tracks * RankerFeatures.TRACK.size() * 4, Files.size(out.resolve("track_features.f32")));
        assertEquals(candidates * 4, Files.size(out.resolve("candidates.i32")));
        assertEquals(
                candidates * RankerFeatures.CANDIDATE.size() * 4, Files.size(out.resolve("candidate_features.f32")));
        assertEquals(2L * TextEmbedder.DIMENSION * 4, Files.size(out.resolve("prompt_vectors.f32")));
    }
}
