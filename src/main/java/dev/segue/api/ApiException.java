package dev.segue.api;

import java.util.List;

/** A caller's mistake (or a missing resource) with the status and a detail the caller can act on. */
public final class ApiException extends RuntimeException {

    private final int status;
    private final List<Problem.FieldError> errors;

    public ApiException(int status, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ApiException badRequest(String detail, String field) {
        return new ApiException(
                400, detail, field == null ? List.of() : List.of(new Problem.FieldError(field, detail)));
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, detail, List.of());
    }

    public int status() {
        return status;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
