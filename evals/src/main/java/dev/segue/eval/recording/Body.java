package dev.segue.eval.recording;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An HTTP body as a recording keeps it: JSON (an object or array) when it parses as such, else UTF-8 text, else
 * base64. JSON goes back on the wire compact, with its numbers exactly as they were written.
 */
record Body(JsonNode json, String text, String base64) {

    static final Body EMPTY = new Body(null, null, null);

    static final ObjectMapper JSON = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /** {@code scrub} removes credentials from the text before it is parsed or kept. */
    static Body of(byte[] bytes, Secrets scrub) {
        if (bytes.length == 0) {
            return EMPTY;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notText) {
            return new Body(null, null, Base64.getEncoder().encodeToString(bytes));
        }
        text = scrub.scrub(text);
        JsonNode json = parse(text);
        return json != null ? new Body(json, null, null) : new Body(null, text, null);
    }

    /** An object or array, or null when the text is anything else (SSE, HTML, a bare value, broken JSON). */
    static JsonNode parse(String text) {
        String head = text.stripLeading();
        if (!head.startsWith("{") && !head.startsWith("[")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isContainerNode() ? node : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    byte[] bytes() {
        if (json != null) {
            try {
                return JSON.writeValueAsBytes(json);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a parsed JSON body did not write back", e);
            }
        }
        if (text != null) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return base64 != null ? Base64.getDecoder().decode(base64) : new byte[0];
    }

    /** How the body is compared with another: the JSON tree, or the text (base64 for bytes). */
    JsonNode comparable() {
        if (json != null) {
            return json;
        }
        return JSON.getNodeFactory().textNode(text != null ? text : base64 != null ? base64 : "");
    }
}
