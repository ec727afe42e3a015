package dev.segue.tools.bench;

import dev.segue.tools.common.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Sends prompts to {@code POST /api/playlists} and times them; the only class here that speaks HTTP. */
public final class PlaylistClient implements Requests {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final String baseUrl;
    private final URI playlists;

    public PlaylistClient(HttpClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.playlists = URI.create(baseUrl + "/api/playlists");
    }

    /** Latency covers sending and reading the whole body; building the request and counting tracks are outside it. */
    @Override
    public Sample send(String prompt) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(playlists)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.object("prompt", prompt)))
                .build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - start;
            int status = response.statusCode();
            return new Sample(nanos, status, null, status == Sample.CREATED ? trackCount(response.body()) : 0);
        } catch (IOException e) {
            return new Sample(System.nanoTime() - start, -1, e.getClass().getSimpleName(), 0);
        }
    }

    /** The playlist's length: a sanity check that a fast answer still did the work. */
    static int trackCount(String body) {
        return Json.read(body).path("tracks").size();
    }

    /** Empty when the service says it is ready, else why not. */
    public Optional<String> notReady() throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                .timeout(READY_TIMEOUT)
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    ? Optional.empty()
                    : Optional.of("GET /q/health/ready returned " + response.statusCode() + " "
                            + response.body().strip());
        } catch (IOException e) {
            return Optional.of("GET /q/health/ready failed (" + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? ": " + e.getMessage() : "") + ")");
        }
    }
}
