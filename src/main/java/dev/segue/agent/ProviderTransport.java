package dev.segue.agent;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The one place where Segue's LLM calls meet the network: every exchange with the provider, plain or streamed, goes
 * through {@link #send} or {@link #open}. (A recorder of provider sessions wraps this class.) The JDK's HTTP client
 * lives here, in a class of its own because the JDK and LangChain4j both name their types HttpClient and HttpRequest.
 */
class ProviderTransport {

    /** What the provider answered, whatever the status. */
    record Answer(int status, Map<String, List<String>> headers, String body) {}

    /** A streamed answer: its status and headers now, its body as it arrives. */
    record Opened(int status, Map<String, List<String>> headers, InputStream body) {}

    private final HttpClient client;
    private final Duration readTimeout;

    ProviderTransport(Duration connectTimeout, Duration readTimeout) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .build();
        this.readTimeout = readTimeout;
    }

    /** One exchange; the whole answer must come within the read timeout. */
    Answer send(String method, String url, Map<String, List<String>> headers, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> response =
                client.send(request(method, url, headers, body, readTimeout), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().map(), response.body());
    }

    /**
     * One exchange whose answer is read as it arrives. Its first byte must come within {@code firstByte}, the rest
     * within the read timeout (counted from now); past either, reading fails with {@link AnswerDeadlines.Missed}.
     */
    Opened open(String method, String url, Map<String, List<String>> headers, String body, Duration firstByte)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<InputStream> response =
                client.send(request(method, url, headers, body, firstByte), HttpResponse.BodyHandlers.ofInputStream());
        Duration left = firstByte.minusNanos(System.nanoTime() - start);
        InputStream watched = AnswerDeadlines.watch(response.body(), left, readTimeout);
        return new Opened(response.statusCode(), response.headers().map(), watched);
    }

    private static HttpRequest request(
            String method, String url, Map<String, List<String>> headers, String body, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
        headers.forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        builder.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return builder.build();
    }
}
