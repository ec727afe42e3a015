package dev.segue.tools.dj;

import dev.segue.tools.common.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/** The DJ endpoints the client uses. A non-2xx answer is an error with the service's own words in it. */
final class DjApi implements AutoCloseable {

    /** The longest session the service allows, so that a listening client never sees it end. */
    private static final int SESSION_MINUTES = 600;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    DjApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Opens a session and returns its id. */
    String openSession(String vibe) throws IOException, InterruptedException {
        String body = post("/api/dj/sessions", Json.write(new SessionBody(vibe, SESSION_MINUTES)));
        String id = Json.text(body, "id");
        if (id == null) {
            throw new IllegalStateException("POST /api/dj/sessions answered without a session id: " + body);
        }
        return id;
    }

    /** Sends a listener request; returns how the DJ understood it ("?" if the answer does not say). */
    String request(String session, String text) throws IOException, InterruptedException {
        String body = post(sessionPath(session) + "/requests", Json.object("text", text));
        return Objects.requireNonNullElse(Json.text(body, "interpretation"), "?");
    }

    /** The session's segments as Server-Sent Events, one as each would start playing. */
    InputStream events(String session) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(sessionPath(session) + "/events"))
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IllegalStateException("GET /events answered " + response.statusCode());
        }
        return response.body();
    }

    /** Plans the next segment at once and returns it; an answer other than 200 is an error with its body. */
    String nextSegment(String session) throws IOException, InterruptedException {
        HttpResponse<String> response = next(session);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /next answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Plans the next segment at once (the call the bench times). */
    HttpResponse<String> next(String session) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(sessionPath(session) + "/next"))
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    void endSession(String session) throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(uri(sessionPath(session))).DELETE().build();
        http.send(request, HttpResponse.BodyHandlers.discarding());
    }

    @Override
    public void close() {
        http.close();
    }

    private String post(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    baseUrl + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String sessionPath(String session) {
        return "/api/dj/sessions/" + session;
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    record SessionBody(String prompt, int minutes) {}
}
