package dev.segue.eval.recording;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One provider exchange as a recording stores it (exchanges/NNNN.json): the request Segue sent, keys removed, and the
 * provider's answer. A body is kept as {@code json} when it parses as JSON (readable and diffable), else as
 * {@code text} (an SSE stream, an HTML error page), else as {@code base64}; exactly one of the three is set, or none
 * for an empty body.
 */
@JsonPropertyOrder({"seq", "request", "response"})
public record Exchange(int seq, Request request, Response response) {

    /** What Segue sent: method, path with query (secret parameters removed), headers without credentials, body. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"method", "path", "headers", "json", "text", "base64"})
    public record Request(
            String method, String path, Map<String, String> headers, JsonNode json, String text, String base64) {

        static Request of(String method, String path, Map<String, String> headers, Body body) {
            return new Request(method, path, headers, body.json(), body.text(), body.base64());
        }

        Body body() {
            return new Body(json, text, base64);
        }
    }

    /** What the provider answered: status, headers (credentials and hop-by-hop ones removed), body. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"status", "headers", "json", "text", "base64"})
    public record Response(int status, Map<String, String> headers, JsonNode json, String text, String base64) {

        static Response of(int status, Map<String, String> headers, Body body) {
            return new Response(status, headers, body.json(), body.text(), body.base64());
        }

        Body body() {
            return new Body(json, text, base64);
        }
    }
}
