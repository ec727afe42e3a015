package dev.segue.agent;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a model meant, once the wire format is read: tool calls it wrote as text become tool calls
 * ({@link TextToolCalls}), and every tool call gets an id of its own (providers send none, empty ones, numbers, or the
 * same one twice), so each result goes back to the call it answers. Nameless calls are dropped.
 */
final class ToleratedAnswers implements ChatModel {

    private final ChatModel model;

    ToleratedAnswers(ChatModel model) {
        this.model = model;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        ChatResponse response = model.chat(request);
        AiMessage message = response.aiMessage();
        Set<String> offered = request.toolSpecifications() == null
                ? Set.of()
                : request.toolSpecifications().stream()
                        .map(ToolSpecification::name)
                        .collect(Collectors.toSet());
        List<ToolExecutionRequest> calls = message.toolExecutionRequests();
        boolean writtenAsText = false;
        if (calls.isEmpty()) {
            calls = TextToolCalls.find(message.text(), offered).orElse(List.of());
            writtenAsText = !calls.isEmpty();
        }
        List<ToolExecutionRequest> named = withIds(calls);
        if (!writtenAsText && named.equals(message.toolExecutionRequests())) {
            return response;
        }
        AiMessage tolerated = AiMessage.builder()
                .text(writtenAsText ? null : message.text())
                .thinking(message.thinking())
                .toolExecutionRequests(named)
                .build();
        return response.toBuilder().aiMessage(tolerated).build();
    }

    static List<ToolExecutionRequest> withIds(List<ToolExecutionRequest> calls) {
        Set<String> seen = new HashSet<>();
        List<ToolExecutionRequest> out = new ArrayList<>();
        int n = 0;
        for (ToolExecutionRequest call : calls) {
            n++;
            if (call.name() == null || call.name().isBlank()) {
                continue;
            }
            String id = call.id();
            if (id == null || id.isBlank() || !seen.add(id)) {
                id = "call_" + n;
                while (!seen.add(id)) {
                    id = id + "_" + n;
                }
            }
            out.add(id.equals(call.id()) ? call : call.toBuilder().id(id).build());
        }
        return out;
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return model.defaultRequestParameters();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return model.supportedCapabilities();
    }
}
