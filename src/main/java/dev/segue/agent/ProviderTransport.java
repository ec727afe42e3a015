package dev.segue.agent;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The JDK's HTTP client under {@link ProviderHttpClient}, in a class of its own because the JDK and LangChain4j both
 * name their types HttpClient and HttpRequest.
 */
final class ProviderTransport {

    /** What the provider answered, whatever the status. */
    record Answer(int status, Map<String, List<String>> headers, String body) {}

    private final HttpClient client;
    private final Duration readTimeout;

    ProviderTransport(Duration connectTimeout, Duration readTimeout) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .build();
        this.readTimeout = readTimeout;
    }

    Answer send(String method, String url, Map<String, List<String>> headers, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(readTimeout);
        headers.forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        builder.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().map(), response.body());
    }
}
