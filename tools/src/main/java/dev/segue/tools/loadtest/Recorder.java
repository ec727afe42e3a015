package dev.segue.tools.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Sends the load test's requests and records each: a sample per answer, a count per I/O exception class for the
 * requests that got none. Shared by all clients, so everything in it is thread-safe.
 */
final class Recorder {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String baseUrl;
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final Map<String, Integer> ioErrors = new ConcurrentHashMap<>();

    Recorder(HttpClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    /**
     * Sends a GET, or a JSON POST when {@code jsonBody} is not null, and times it up to the whole body read.
     *
     * @param endpoint the name the report groups this request under, e.g. "GET /api/playlists/{id}"
     * @return the body of a 2xx answer; null for any other answer or an I/O error
     */
    String send(String endpoint, String path, String jsonBody) throws InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT);
        if (jsonBody != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            samples.add(new Sample(endpoint, response.statusCode(), System.nanoTime() - start));
            return response.statusCode() < 300 ? response.body() : null;
        } catch (IOException e) {
            ioErrors.merge(e.getClass().getSimpleName(), 1, Integer::sum);
            return null;
        }
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    Map<String, Integer> ioErrors() {
        return Map.copyOf(ioErrors);
    }
}
