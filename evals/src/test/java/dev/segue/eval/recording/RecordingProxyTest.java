package dev.segue.eval.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --record's proxy: exchanges kept in order without credentials, streams passed on as they come, replayed as kept. */
class RecordingProxyTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String REQUEST =
            "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"calm piano\"}]}";
    private static final String STREAM_REQUEST =
            "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"calm piano\"}],\"stream\":true}";

    @TempDir
    Path dir;

    @Test
    void aRecordingKeepsEveryExchangeInOrderAndNoKey() throws Exception {
        try (ScriptedProvider provider = new ScriptedProvider();
                RecordingProxy proxy = RecordingProxy.start(provider.baseUrl())) {
            String url = proxy.baseUrl() + "/chat/completions?key=" + ScriptedProvider.KEY + "&api-version=1";
            HttpResponse<String> ok = HTTP.send(post(url, ScriptedProvider.KEY, REQUEST), ofString());
            HttpResponse<String> refused = HTTP.send(post(url, "sk-wrong-key-987654", REQUEST), ofString());
            assertEquals(200, ok.statusCode(), ok.body());
            assertEquals(ScriptedProvider.COMPLETION, ok.body());
            assertEquals(401, refused.statusCode());
            assertTrue(refused.body().contains("sk-wrong-key-987654"), "the proxy passes the provider's answer on");
            new Recording(manifest(provider.baseUrl(), 2), proxy.exchanges()).write(dir);
        }

        String everything = everyFile(dir);
        assertFalse(everything.contains(ScriptedProvider.KEY), everything);
        assertFalse(everything.contains("sk-wrong-key-987654"), "a key the provider echoes is blanked out too");
        assertFalse(everything.toLowerCase().contains("authorization"), everything);
        Recording recording = Recording.read(dir);
        assertEquals(
                List.of(1, 2), recording.exchanges().stream().map(Exchange::seq).toList());
        Exchange first = recording.exchanges().get(0);
        assertEquals("/v1/chat/completions?api-version=1", first.request().path());
        assertEquals(Map.of("content-type", "application/json"), first.request().headers());
        assertEquals(
                "calm piano", first.request().json().at("/messages/0/content").asText());
        assertEquals("9000", first.response().headers().get("x-ratelimit-remaining-tokens"));
        assertEquals(
                "hello",
                first.response().json().at("/choices/0/message/content").asText());
        Exchange second = recording.exchanges().get(1);
        assertEquals(401, second.response().status());
        assertTrue(second.response().json().toString().contains(Secrets.REMOVED), second.toString());
    }

    @Test
    void aStreamIsPassedOnAsItArrivesAndReplayedAsRecorded() throws Exception {
        String streamed;
        Recording recording;
        try (ScriptedProvider provider = new ScriptedProvider();
                RecordingProxy proxy = RecordingProxy.start(provider.baseUrl())) {
            HttpResponse<InputStream> response = HTTP.send(
                    post(proxy.baseUrl() + "/chat/completions", ScriptedProvider.KEY, STREAM_REQUEST),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                // The provider holds the rest of the stream back until this first event has come through the proxy.
                byte[] first = assertTimeoutPreemptively(
                        Duration.ofSeconds(5), () -> in.readNBytes(ScriptedProvider.FIRST_EVENT.length()));
                assertEquals(ScriptedProvider.FIRST_EVENT, new String(first, StandardCharsets.UTF_8));
                provider.finishStream();
                streamed = ScriptedProvider.FIRST_EVENT + new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            recording = new Recording(manifest(provider.baseUrl(), 1), proxy.exchanges());
        }
        String whole = ScriptedProvider.FIRST_EVENT + ScriptedProvider.REST;
        assertEquals(whole, streamed);
        Exchange exchange = recording.exchanges().get(0);
        assertTrue(exchange.request().json().path("stream").asBoolean(), exchange.toString());
        assertEquals(whole, exchange.response().text(), "an SSE body is kept as its text");
        assertEquals("text/event-stream", exchange.response().headers().get("content-type"));

        recording.write(dir);
        try (ReplayServer replay = ReplayServer.start(Recording.read(dir))) {
            HttpResponse<String> again = HTTP.send(
                    post(replay.baseUrl() + "/chat/completions", "no-key-at-all", STREAM_REQUEST), ofString());
            assertEquals(200, again.statusCode());
            assertEquals(whole, again.body());
            assertEquals(
                    "text/event-stream",
                    again.headers().firstValue("content-type").orElse(""));
            assertEquals(List.of(), replay.drifts());
            assertEquals(List.of(), replay.unused());
        }
    }

    static HttpRequest post(String url, String key, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + key)
                .header("x-api-key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    static HttpResponse.BodyHandler<String> ofString() {
        return HttpResponse.BodyHandlers.ofString();
    }

    static Recording.Manifest manifest(String baseUrl, int exchanges) {
        return new Recording.Manifest(
                Recording.FORMAT, "test", List.of("v"), "2026-01-01T00:00:00Z", baseUrl, Map.of(), exchanges);
    }

    private static String everyFile(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> {
                        try {
                            return Files.readString(f);
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .collect(Collectors.joining("\n"));
        }
    }
}
