package dev.segue.agent;

import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The provider's model as the agent calls it, one call at a time, answered over a stream: the first-token deadline
 * and the answer's budget live in the HTTP client, and an interrupt (the guards' timeout) cancels the stream. A
 * server that says it cannot stream is asked without a stream from then on (and so is every server when
 * segue.llm.stream is off).
 */
final class StreamedChat implements ChatModel {

    private static final Logger LOG = Logger.getLogger(StreamedChat.class);

    private final StreamingChatModel streaming;
    private final ChatModel plain;
    private volatile boolean stream;

    StreamedChat(StreamingChatModel streaming, ChatModel plain, boolean stream) {
        this.streaming = streaming;
        this.plain = plain;
        this.stream = stream;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        if (stream) {
            try {
                return streamed(request);
            } catch (RuntimeException e) {
                if (!refusesStreaming(e)) {
                    throw e;
                }
                stream = false;
                LOG.warnf("the LLM server cannot stream (%s); asking it without a stream from now on", e.getMessage());
            }
        }
        return plain.chat(request);
    }

    private ChatResponse streamed(ChatRequest request) {
        CompletableFuture<ChatResponse> answer = new CompletableFuture<>();
        AtomicReference<StreamingHandle> handle = new AtomicReference<>();
        streaming.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                handle.compareAndSet(null, context.streamingHandle());
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                answer.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                answer.completeExceptionally(error);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            StreamingHandle h = handle.get();
            if (h != null) {
                h.cancel();
            }
            Thread.currentThread().interrupt();
            throw new TimeoutException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new LangChain4jException(e.getCause());
        }
    }

    private static boolean refusesStreaming(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProviderHttpException http) {
                return ProviderErrors.refusesStreaming(http);
            }
        }
        return false;
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return plain.defaultRequestParameters();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return plain.supportedCapabilities();
    }
}
