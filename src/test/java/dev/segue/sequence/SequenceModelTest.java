package dev.segue.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequenceModelTest {

    @TempDir
    Path dir;

    /** ONNX Runtime Java gives the items, queries and scores PyTorch gave at export (tools/sequence/train.py). */
    @Test
    void javaInferenceMatchesPyTorch() throws Exception {
        JsonNode fixture = fixture();
        double tolerance = fixture.get("tolerance").asDouble();
        try (SequenceModel model = SequenceModel.open(SequenceModel.TRACK_ENCODER, SequenceModel.SEQUENCE_ENCODER)) {
            assertEquals(fixture.get("model").asText(), model.name());
            int width = fixture.get("item_dimension").asInt();
            assertEquals(width, model.itemDimension());
            JsonNode tracks = fixture.get("tracks");
            int n = tracks.get("track_ids").size();
            float[][] items = model.items(FloatBuffer.wrap(floats(tracks.get("inputs"))), n);
            float[] expectedItems = floats(tracks.get("items"));
            assertEquals(n, items.length);
            for (int t = 0; t < n; t++) {
                for (int i = 0; i < width; i++) {
                    assertEquals(expectedItems[t * width + i], items[t][i], tolerance, "track " + t + " item " + i);
                }
            }
            assertTrue(fixture.get("cases").size() >= 3);
            for (JsonNode c : fixture.get("cases")) {
                checkCase(model, c, items, width, tolerance);
            }
        }
    }

    private static void checkCase(SequenceModel model, JsonNode c, float[][] items, int width, double tolerance) {
        String name =
                c.get("title").asText() + " with " + c.get("seed_track_ids").size() + " seeds";
        float[] seedValues = floats(c.get("seeds"));
        float[] mask = floats(c.get("seed_mask"));
        List<float[]> seeds = new ArrayList<>();
        for (int s = 0; s < mask.length; s++) {
            if (mask[s] > 0) {
                seeds.add(Arrays.copyOfRange(seedValues, s * width, (s + 1) * width));
            }
        }
        assertEquals(c.get("seed_length").asInt(), mask.length, name);
        assertEquals(c.get("seed_track_ids").size(), seeds.size(), name);
        SequenceModel.Query query = model.query(floats(c.get("title_vec")), seeds);
        float[] expectedQuery = floats(c.get("query"));
        for (int i = 0; i < width; i++) {
            assertEquals(expectedQuery[i], query.query()[i], tolerance, name + " query " + i);
        }
        assertEquals(c.get("artist_weight").asDouble(), query.artistWeight(), tolerance, name);
        float[] expectedScores = floats(c.get("scores"));
        assertEquals(items.length, expectedScores.length, name);
        for (int t = 0; t < items.length; t++) {
            int byArtist = c.get("candidate_artist_seed_counts").get(t).asInt();
            assertEquals(expectedScores[t], query.score(items[t], byArtist), tolerance, name + " score " + t);
        }
    }

    @Test
    void aMissingModelKeepsTodaysPath() {
        SequenceModel model =
                SequenceModel.load(dir.resolve("nothing-here.onnx").toString(), SequenceModel.SEQUENCE_ENCODER);
        assertFalse(model.available());
        assertEquals(SequenceModel.NONE, model.name());
        assertTrue(model.problem().contains("file not found"), model.problem());
        model.close();
    }

    @Test
    void aCorruptModelKeepsTodaysPath() throws Exception {
        Path corrupt = dir.resolve("sequence-encoder.onnx");
        Files.write(corrupt, "this is not an ONNX model".getBytes(StandardCharsets.UTF_8));
        SequenceModel model = SequenceModel.load(SequenceModel.TRACK_ENCODER, corrupt.toString());
        assertFalse(model.available());
        assertTrue(model.problem().contains(corrupt.toString()), model.problem());
    }

    @Test
    void aModelTrainedForOtherFeaturesIsRefused() throws Exception {
        byte[] bytes;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("models/sequence-track-encoder.onnx")) {
            bytes = in.readAllBytes();
        }
        // Same length, so the protobuf stays valid: only the feature list in the metadata differs.
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("has_popularity", "has_popularitx");
        Path other = dir.resolve("other-features.onnx");
        Files.write(other, text.getBytes(StandardCharsets.ISO_8859_1));
        SequenceModel model = SequenceModel.load(other.toString(), SequenceModel.SEQUENCE_ENCODER);
        assertFalse(model.available());
        assertTrue(model.problem().contains("has_popularitx"), model.problem());
    }

    private JsonNode fixture() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("sequence/fixture.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }
}
