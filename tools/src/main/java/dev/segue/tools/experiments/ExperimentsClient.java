package dev.segue.tools.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.segue.tools.common.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The API calls the simulator makes. An unexpected status is an error with the service's own words. */
final class ExperimentsClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String apiKey;

    ExperimentsClient(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    /** Starts an experiment; returns its id. */
    String start(String name, List<Map<String, Object>> arms) throws IOException, InterruptedException {
        return send("POST", "/api/experiments", Map.of("name", name, "arms", arms), 201)
                .path("id")
                .asText();
    }

    void stop(String id) throws IOException, InterruptedException {
        send("POST", "/api/experiments/" + id + "/stop", null, 200);
    }

    JsonNode running() throws IOException, InterruptedException {
        return send("GET", "/api/experiments", null, 200);
    }

    JsonNode report(String id) throws IOException, InterruptedException {
        return send("GET", "/api/experiments/" + id + "/report", null, 200);
    }

    JsonNode playlist(String userId, String prompt) throws IOException, InterruptedException {
        return send("POST", "/api/playlists", Map.of("prompt", prompt, "userId", userId), 201);
    }

    void events(String userId, String playlistId, List<SimulatedListener.Event> events)
            throws IOException, InterruptedException {
        if (events.isEmpty()) {
            return;
        }
        List<Map<String, String>> body = events.stream()
                .map(e -> Map.of("trackId", e.trackId(), "type", e.type(), "playlistId", playlistId))
                .toList();
        send("POST", "/api/users/" + userId + "/events", body, 202);
    }

    private JsonNode send(String method, String path, Object body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(Json.write(body)));
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("X-API-Key", apiKey);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.read(response.body());
    }
}
