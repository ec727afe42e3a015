package dev.segue.agent;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The HTTP client LangChain4j's model classes use to reach the provider. It exists to keep what the stock client
 * drops: the Retry-After header of a 429/503, which our retry backoff honours. Streaming is not used by Segue.
 */
final class ProviderHttpClient implements HttpClient {

    /** A non-2xx answer, with the provider's Retry-After when it sent one. */
    static final class ProviderHttpException extends HttpException {
        private final Duration retryAfter;

        ProviderHttpException(int status, String body, Duration retryAfter) {
            super(status, body);
            this.retryAfter = retryAfter;
        }

        Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /** The provider could not be reached (refused, reset, DNS): worth a retry, like a 503. */
    static final class ProviderUnreachableException extends RuntimeException {
        ProviderUnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final ProviderTransport transport;

    private ProviderHttpClient(Duration connectTimeout, Duration readTimeout) {
        this.transport = new ProviderTransport(connectTimeout, readTimeout);
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        ProviderTransport.Answer answer;
        try {
            answer = transport.send(request.method().name(), request.url(), request.headers(), request.body());
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(e);
        } catch (IOException e) {
            throw new ProviderUnreachableException(
                    "LLM provider unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException(e);
        }
        if (answer.status() < 200 || answer.status() >= 300) {
            throw new ProviderHttpException(answer.status(), answer.body(), retryAfter(header(answer, "Retry-After")));
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(answer.status())
                .headers(answer.headers())
                .body(answer.body())
                .build();
    }

    private static String header(ProviderTransport.Answer answer, String name) {
        return answer.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst()
                .orElse(null);
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        throw new UnsupportedOperationException("Segue does not stream LLM responses");
    }

    /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofMillis((long) (Double.parseDouble(header.trim()) * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(
                        ZonedDateTime.now(), ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }

    static final class Builder implements HttpClientBuilder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            if (timeout != null) {
                this.connectTimeout = timeout;
            }
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            if (timeout != null) {
                this.readTimeout = timeout;
            }
            return this;
        }

        @Override
        public HttpClient build() {
            return new ProviderHttpClient(connectTimeout, readTimeout);
        }
    }
}
