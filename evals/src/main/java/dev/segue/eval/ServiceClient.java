package dev.segue.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;

/** The service's HTTP API as the evals use it: every call returns status, body and round-trip time, never throws. */
public final class ServiceClient {

    /** A response; {@code status} 0 with {@code error} set when no HTTP answer came back at all. */
    public record Reply(int status, String contentType, JsonNode body, double ms, String error) {

        public boolean ok() {
            return status >= 200 && status < 300 && body != null && body.isObject();
        }

        /** A clean refusal: a 4xx problem body that says what is wrong. */
        public boolean cleanRefusal() {
            return status >= 400
                    && status < 500
                    && contentType != null
                    && contentType.startsWith("application/problem+json")
                    && body != null
                    && !body.path("detail").asText().isBlank();
        }

        public String detail() {
            if (error != null) {
                return error;
            }
            String detail = body == null ? "" : body.path("detail").asText("");
            return "HTTP " + status + (detail.isEmpty() ? "" : ": " + detail);
        }

        /** The request named an option (planner, promptVersion, ...) this server does not offer. */
        public boolean optionUnavailable() {
            if (status != 400 || body == null) {
                return false;
            }
            for (JsonNode e : body.path("errors")) {
                if (e.path("field").asText().startsWith("options")) {
                    return true;
                }
            }
            String detail = body.path("detail").asText("").toLowerCase(Locale.ROOT);
            return detail.contains("options.") || detail.contains("not configured") || detail.contains("no llm");
        }
    }

    private final HttpClient http;
    private final String base;
    private final Duration timeout;

    public ServiceClient(String baseUrl, Duration timeout) {
        this.base = baseUrl.replaceAll("/+$", "");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public String baseUrl() {
        return base;
    }

    public Reply create(JsonNode body) {
        return send("POST", "/api/playlists?trace=true", body);
    }

    public Reply refine(String playlistId, String prompt) {
        return send(
                "POST",
                "/api/playlists/" + playlistId + "/refine?trace=true",
                Json.JSON.createObjectNode().put("prompt", prompt));
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply post(String path, JsonNode body) {
        return send("POST", path, body);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    private Reply send(String method, String path, JsonNode body) {
        long start = System.nanoTime();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(timeout)
                    .header("Accept", "application/json, application/problem+json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(Json.JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - start) / 1e6;
            String type = response.headers().firstValue("Content-Type").orElse(null);
            JsonNode parsed;
            try {
                parsed = response.body().isEmpty() ? NullNode.getInstance() : Json.JSON.readTree(response.body());
            } catch (IOException e) {
                return new Reply(
                        response.statusCode(),
                        type,
                        NullNode.getInstance(),
                        ms,
                        "HTTP " + response.statusCode() + " with a body that is not JSON");
            }
            return new Reply(response.statusCode(), type, parsed, ms, null);
        } catch (HttpTimeoutException e) {
            return new Reply(
                    0, null, null, (System.nanoTime() - start) / 1e6, "no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new Reply(
                    0,
                    null,
                    null,
                    (System.nanoTime() - start) / 1e6,
                    "cannot reach " + base + ": "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, null, null, (System.nanoTime() - start) / 1e6, "interrupted");
        }
    }
}
