package dev.segue.tools.scale;

import dev.segue.tools.bench.Requests;
import dev.segue.tools.bench.Sample;
import dev.segue.tools.common.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Times {@code GET /api/tracks/search?q=PROMPT&limit=20}, optionally with a genre filter. The filtered form picks one of
 * the demo's most common genres per prompt (by the prompt's hash, so every run asks the same), a filter that keeps a
 * realistic share of the catalog rather than none of it.
 */
final class SearchClient implements Requests {

    static final int LIMIT = 20;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String baseUrl;
    private final List<String> genres;

    /** @param genres the genre filters to cycle through; empty for unfiltered searches */
    SearchClient(HttpClient http, String baseUrl, List<String> genres) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.genres = genres;
    }

    String query(String prompt) {
        String query = "q=" + URLEncoder.encode(prompt, StandardCharsets.UTF_8) + "&limit=" + LIMIT;
        if (!genres.isEmpty()) {
            String genre = genres.get(Math.floorMod(prompt.hashCode(), genres.size()));
            query += "&genre=" + URLEncoder.encode(genre, StandardCharsets.UTF_8);
        }
        return query;
    }

    @Override
    public Sample send(String prompt) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/tracks/search?" + query(prompt)))
                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - start;
            int status = response.statusCode();
            int found = status == Sample.OK
                    ? Json.read(response.body()).path("count").asInt()
                    : 0;
            return new Sample(nanos, status, null, found, Sample.OK);
        } catch (IOException e) {
            return new Sample(System.nanoTime() - start, -1, e.getClass().getSimpleName(), 0, Sample.OK);
        }
    }
}
