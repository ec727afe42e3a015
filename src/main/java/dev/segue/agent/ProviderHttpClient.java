package dev.segue.agent;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The HTTP client LangChain4j's model classes use to reach the provider (its {@link HttpClient} extension point). It
 * is where answers are made to mean what they say: errors are read for their meaning ({@link ProviderErrors}), an
 * answer that is not the configured API is a configuration error ({@link ApiMismatch}), OpenAI-compatible answers are
 * written the way LangChain4j reads them ({@link OpenAiShapes}), and a streamed answer must start within the
 * first-token deadline ({@link AnswerDeadlines}). Every exchange goes through {@link ProviderTransport}.
 */
final class ProviderHttpClient implements HttpClient {

    /** Which API the answers come from: what can be said about their shape. */
    enum Shape {
        OPENAI,
        ANTHROPIC,
        GEMINI
    }

    /** The provider could not be reached (refused, reset, DNS): worth a retry, like a 503. */
    static final class ProviderUnreachableException extends RuntimeException {
        ProviderUnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "x-api-key", "x-goog-api-key", "api-key");

    private final ProviderTransport transport;
    private final Shape shape;
    private final ProviderErrors errors;
    private final Duration firstByte;

    private ProviderHttpClient(ProviderTransport transport, Shape shape, ProviderErrors errors, Duration firstByte) {
        this.transport = transport;
        this.shape = shape;
        this.errors = errors;
        this.firstByte = firstByte;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        ProviderTransport.Answer answer;
        try {
            answer = transport.send(request.method().name(), request.url(), request.headers(), request.body());
        } catch (IOException | InterruptedException e) {
            throw failure(e);
        }
        String contentType = RetryHints.header(answer.headers(), "Content-Type");
        checkStatus(request, answer.status(), answer.headers(), answer.body());
        ApiMismatch.ofSuccess(shape, request.url(), contentType, answer.body()).ifPresent(wrong -> {
            throw wrong;
        });
        String body = shape == Shape.OPENAI ? OpenAiShapes.completion(answer.body()) : answer.body();
        return SuccessfulHttpResponse.builder()
                .statusCode(answer.status())
                .headers(answer.headers())
                .body(body)
                .build();
    }

    /** Streams on a thread of its own, as LangChain4j expects; everything that goes wrong reaches the listener. */
    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        Thread.ofVirtual().name("llm-stream").start(() -> stream(request, parser, new OnceListener(listener)));
    }

    private void stream(HttpRequest request, ServerSentEventParser parser, OnceListener listener) {
        try {
            ProviderTransport.Opened opened = transport.open(
                    request.method().name(), request.url(), request.headers(), request.body(), firstByte);
            try (InputStream body = opened.body()) {
                if (opened.status() < 200 || opened.status() >= 300) {
                    checkStatus(request, opened.status(), opened.headers(), text(body));
                }
                new StreamedAnswer(shape, errors, request.url(), opened, listener).deliver(body, parser);
            }
        } catch (HttpTimeoutException e) {
            // not even the headers came within the first-token deadline
            listener.onError(new TimeoutException(AnswerDeadlines.nothingWithin(firstByte)));
        } catch (IOException | InterruptedException e) {
            listener.onError(failure(e));
        } catch (RuntimeException e) {
            listener.onError(e);
        }
        listener.closeUnlessFailed();
    }

    private void checkStatus(HttpRequest request, int status, Map<String, List<String>> headers, String body) {
        if (status >= 200 && status < 300) {
            return;
        }
        if (status == 404) {
            ApiMismatch.ofNotFound(shape, request.url(), body).ifPresent(wrong -> {
                throw wrong;
            });
        }
        throw errors.read(status, headers, body, secrets(request));
    }

    private static Set<String> secrets(HttpRequest request) {
        return request.headers().entrySet().stream()
                .filter(e -> SECRET_HEADERS.contains(e.getKey().toLowerCase(Locale.ROOT)))
                .flatMap(e -> e.getValue().stream())
                .flatMap(v -> v.startsWith("Bearer ") ? List.of(v, v.substring(7)).stream() : List.of(v).stream())
                .collect(Collectors.toSet());
    }

    static String text(InputStream body) throws IOException {
        return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static RuntimeException failure(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new TimeoutException(e);
        }
        if (e instanceof AnswerDeadlines.Missed missed) {
            return new TimeoutException(missed);
        }
        if (e instanceof HttpTimeoutException) {
            return new TimeoutException(new AnswerDeadlines.Missed("the provider did not answer in time", true));
        }
        return new ProviderUnreachableException(
                "LLM provider unreachable: " + e.getClass().getSimpleName(), e);
    }

    /** Passes events on; after an error, nothing more (LangChain4j would take a close for a finished answer). */
    static final class OnceListener implements ServerSentEventListener {
        private final ServerSentEventListener delegate;
        private volatile boolean failed;

        OnceListener(ServerSentEventListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void onOpen(SuccessfulHttpResponse response) {
            delegate.onOpen(response);
        }

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            if (!failed) {
                delegate.onEvent(event, context);
            }
        }

        @Override
        public void onError(Throwable error) {
            if (!failed) {
                failed = true;
                delegate.onError(error instanceof IOException io ? failure(io) : error);
            }
        }

        void closeUnlessFailed() {
            if (!failed) {
                delegate.onClose();
            }
        }
    }

    static final class Builder implements HttpClientBuilder {
        private final Shape shape;
        private final Duration firstByte;
        private final Duration longestWait;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);

        Builder(Shape shape, Duration firstByte, Duration longestWait) {
            this.shape = shape;
            this.firstByte = firstByte;
            this.longestWait = longestWait;
        }

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
            // a provider that cannot be reached within the first-token deadline is as dead as one that never answers
            Duration connect = connectTimeout.compareTo(firstByte) < 0 ? connectTimeout : firstByte;
            return new ProviderHttpClient(
                    new ProviderTransport(connect, readTimeout), shape, new ProviderErrors(longestWait), firstByte);
        }
    }
}
