package dev.segue.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.CancellationUnsupportedHandle;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One streamed answer, handed to LangChain4j's parser as events it can read: OpenAI-compatible chunks are reshaped
 * ({@link OpenAiShapes}), an error sent as a chunk mid-stream becomes an error, and a whole answer sent where a
 * stream was asked for (a server that ignores "stream": true) becomes the events that say the same. An answer that
 * is not the configured API at all is a configuration error.
 */
final class StreamedAnswer {

    private final ProviderHttpClient.Shape shape;
    private final ProviderErrors errors;
    private final String url;
    private final ProviderTransport.Opened opened;
    private final ServerSentEventListener listener;

    StreamedAnswer(
            ProviderHttpClient.Shape shape,
            ProviderErrors errors,
            String url,
            ProviderTransport.Opened opened,
            ServerSentEventListener listener) {
        this.shape = shape;
        this.errors = errors;
        this.url = url;
        this.opened = opened;
        this.listener = listener;
    }

    void deliver(InputStream body, ServerSentEventParser parser) throws IOException {
        String contentType = RetryHints.header(opened.headers(), "Content-Type");
        SuccessfulHttpResponse response = SuccessfulHttpResponse.builder()
                .statusCode(opened.status())
                .headers(opened.headers())
                .build();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("text/event-stream")) {
            listener.onOpen(response);
            parser.parse(body, shape == ProviderHttpClient.Shape.OPENAI ? new Reshaped(listener, errors) : listener);
            return;
        }
        String whole = ProviderHttpClient.text(body);
        ApiMismatch.ofSuccess(shape, url, contentType, whole).ifPresent(wrong -> {
            throw wrong;
        });
        listener.onOpen(response);
        String data = shape == ProviderHttpClient.Shape.OPENAI ? OpenAiShapes.asChunk(whole) : whole;
        listener.onEvent(
                new ServerSentEvent(null, data), new ServerSentEventContext(new CancellationUnsupportedHandle()));
    }

    /** OpenAI-compatible chunks, reshaped; an {"error": …} chunk is the provider failing mid-answer. */
    private static final class Reshaped implements ServerSentEventListener {
        private final ServerSentEventListener delegate;
        private final ProviderErrors errors;

        Reshaped(ServerSentEventListener delegate, ProviderErrors errors) {
            this.delegate = delegate;
            this.errors = errors;
        }

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            String data = event.data();
            if (data != null && data.startsWith("{") && data.contains("\"error\"")) {
                JsonNode json = ProviderErrors.parse(data);
                if (json.has("error") && !json.has("choices")) {
                    int status = json.at("/error/code").asInt(500);
                    onError(errors.read(status < 400 ? 500 : status, Map.of(), data, Set.of()));
                    return;
                }
            }
            delegate.onEvent(new ServerSentEvent(event.event(), OpenAiShapes.chunk(data)), context);
        }

        @Override
        public void onError(Throwable error) {
            delegate.onError(error);
        }
    }
}
