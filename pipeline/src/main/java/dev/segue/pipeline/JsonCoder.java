package dev.segue.pipeline;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.CustomCoder;

/**
 * Moves the service's records (tracks, reports) between workers as JSON: they are plain Java records, not
 * Serializable, and JSON round-trips their doubles and floats exactly.
 */
final class JsonCoder<T> extends CustomCoder<T> {

    // Derived properties (AudioFeatures.isEmpty) are written but are not constructor arguments.
    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Class<T> type;

    private JsonCoder(Class<T> type) {
        this.type = type;
    }

    static <T> JsonCoder<T> of(Class<T> type) {
        return new JsonCoder<>(type);
    }

    @Override
    public void encode(T value, OutputStream out) throws IOException {
        ByteArrayCoder.of().encode(JSON.writeValueAsBytes(value), out);
    }

    @Override
    public T decode(InputStream in) throws IOException {
        return JSON.readValue(ByteArrayCoder.of().decode(in), type);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonCoder<?> coder && coder.type.equals(type);
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }
}
