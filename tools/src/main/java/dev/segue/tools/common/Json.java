package dev.segue.tools.common;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** One configured Jackson mapper for every tool, and the few ways they read and write JSON. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {}

    /** A body such as {@code {"prompt": "..."}}, with the value escaped as JSON needs. */
    public static String object(String field, Object value) {
        ObjectNode node = MAPPER.createObjectNode();
        node.putPOJO(field, value);
        return write(node);
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String writePretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parsed body, or a missing node when it is not JSON (an error page, an empty body). */
    public static JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return MAPPER.missingNode();
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return MAPPER.missingNode();
        }
    }

    /** A top-level string or number field as text, or null when the body has no such field. */
    public static String text(String body, String field) {
        JsonNode value = read(body).path(field);
        return value.isValueNode() ? value.asText() : null;
    }
}
