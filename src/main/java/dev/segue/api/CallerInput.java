package dev.segue.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

/**
 * A caller's input that did not come through a JAX-RS resource (an MCP tool's arguments), read and checked exactly as
 * a request body is: strict JSON into the request record, then its Bean Validation constraints. A mistake is an
 * {@link ApiException} (400) with the detail and field errors a problem body would carry.
 */
@ApplicationScoped
public class CallerInput {

    private final ObjectMapper json;
    private final Validator validator;

    CallerInput(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** The fields as the record they stand for, valid. */
    public <T> T read(Map<String, Object> fields, Class<T> type) {
        T value;
        try {
            value = json.readValue(json.writeValueAsBytes(fields == null ? Map.of() : fields), type);
        } catch (JsonProcessingException e) {
            throw new ApiException(400, ProblemMappers.describe(e), ProblemMappers.fieldErrors(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // bytes in memory: not expected
        }
        return valid(value);
    }

    /** The value itself when its constraints hold. */
    public <T> T valid(T value) {
        Set<ConstraintViolation<?>> violations = Set.<ConstraintViolation<?>>copyOf(validator.validate(value));
        if (!violations.isEmpty()) {
            Violations found = new Violations(violations, null);
            throw new ApiException(400, found.detail(), found.fieldErrors());
        }
        return value;
    }
}
