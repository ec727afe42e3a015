package dev.segue.ranking;

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
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransformerRankerTest {

    @TempDir
    Path dir;

    /** The shipped model, run by ONNX Runtime Java, gives the scores PyTorch gave at export (tools/ranker/train.py). */
    @Test
    void javaInferenceMatchesPython() throws Exception {
        JsonNode fixture;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("ranker/fixture.json")) {
            fixture = new ObjectMapper().readTree(in);
        }
        try (TransformerRanker ranker = TransformerRanker.open(TransformerRanker.DEFAULT_MODEL, null, null)) {
            assertEquals("transformer:" + fixture.get("model").asText(), ranker.name());
            double tolerance = fixture.get("tolerance").asDouble();
            for (JsonNode c : fixture.get("cases")) {
                int n = c.get("candidate_count").asInt();
                float[] scores = ranker.run(
                        floats(c.get("query")),
                        floats(c.get("prompt")),
                        FloatBuffer.wrap(floats(c.get("context"))),
                        FloatBuffer.wrap(floats(c.get("context_mask"))),
                        c.get("context_length").asInt(),
                        FloatBuffer.wrap(floats(c.get("candidates"))),
                        n);
                float[] expected = floats(c.get("scores"));
                assertEquals(n, scores.length);
                for (int i = 0; i < n; i++) {
                    assertEquals(
                            expected[i], scores[i], tolerance, c.get("request").asText() + " candidate " + i);
                }
            }
        }
    }

    @Test
    void aMissingModelLeavesTheFoundationScorerInCharge() {
        TransformerRanker ranker =
                TransformerRanker.load(dir.resolve("nothing-here.onnx").toString(), null, null);
        assertFalse(ranker.available());
        assertEquals("baseline", ranker.name());
        assertTrue(ranker.problem().contains("file not found"), ranker.problem());
        ranker.close();
    }

    @Test
    void aCorruptModelLeavesTheFoundationScorerInCharge() throws Exception {
        Path corrupt = dir.resolve("ranker.onnx");
        Files.write(corrupt, "this is not an ONNX model".getBytes());
        TransformerRanker ranker = TransformerRanker.load(corrupt.toString(), null, null);
        assertFalse(ranker.available());
        assertEquals("baseline", ranker.name());
        assertTrue(ranker.problem().contains(corrupt.toString()), ranker.problem());
    }

    @Test
    void aTruncatedModelLeavesTheFoundationScorerInCharge() throws Exception {
        byte[] model;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("models/ranker.onnx")) {
            model = in.readAllBytes();
        }
        Path truncated = dir.resolve("truncated.onnx");
        Files.write(truncated, Arrays.copyOf(model, model.length / 2));
        assertFalse(TransformerRanker.load(truncated.toString(), null, null).available());
    }

    @Test
    void aModelTrainedForOtherFeaturesIsRefused() throws Exception {
        byte[] model;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("models/ranker.onnx")) {
            model = in.readAllBytes();
        }
        // Same length, so the protobuf stays valid: only the feature list stored in the metadata differs.
        String text = new String(model, StandardCharsets.ISO_8859_1).replace("has_popularity", "has_popularitx");
        Path other = dir.resolve("other-features.onnx");
        Files.write(other, text.getBytes(StandardCharsets.ISO_8859_1));
        TransformerRanker ranker = TransformerRanker.load(other.toString(), null, null);
        assertFalse(ranker.available());
        assertTrue(ranker.problem().contains("has_popularitx"), ranker.problem());
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }
}
