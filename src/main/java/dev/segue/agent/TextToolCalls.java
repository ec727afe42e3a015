package dev.segue.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tool calls a model wrote as text, the way small local models often do when the server does not parse them (Hermes
 * and Qwen through Ollama, LM Studio or vLLM): {@code <tool_call>{…}</tool_call>} tags, a fenced JSON block, or a bare
 * {@code {"name": …, "arguments": …}} object, after an optional {@code <think>} block. Only calls that name a tool
 * the request offered count, and only when all of the text is calls (prose before tags aside): anything else is an
 * answer.
 */
final class TextToolCalls {

    private static final Pattern THINK = Pattern.compile("(?s)^\\s*<think>.*?</think>");
    private static final Pattern TAGGED = Pattern.compile("(?s)<tool_call>\\s*(.*?)\\s*(?:</tool_call>|$)");
    private static final Pattern FENCED = Pattern.compile("(?s)^```(?:json)?\\s*(.*?)\\s*```$");

    private TextToolCalls() {}

    static Optional<List<ToolExecutionRequest>> find(String text, Set<String> tools) {
        if (text == null || tools.isEmpty()) {
            return Optional.empty();
        }
        String rest = THINK.matcher(text).replaceFirst("").strip();
        List<JsonNode> objects = new ArrayList<>();
        if (rest.contains("<tool_call>")) {
            Matcher tagged = TAGGED.matcher(rest.substring(rest.indexOf("<tool_call>")));
            while (tagged.find()) {
                objects.add(ProviderErrors.parse(tagged.group(1)));
            }
        } else {
            Matcher fenced = FENCED.matcher(rest);
            JsonNode node = ProviderErrors.parse(fenced.matches() ? fenced.group(1) : rest);
            if (node.isArray()) {
                node.forEach(objects::add);
            } else {
                objects.add(node);
            }
        }
        List<ToolExecutionRequest> calls = new ArrayList<>();
        for (JsonNode call : objects) {
            String name = call.path("name").asText("");
            JsonNode arguments = call.has("arguments") ? call.get("arguments") : call.get("parameters");
            if (!tools.contains(name) || arguments == null) {
                return Optional.empty();
            }
            String args = arguments.isTextual() ? arguments.asText() : arguments.toString();
            calls.add(ToolExecutionRequest.builder().name(name).arguments(args).build());
        }
        return calls.isEmpty() ? Optional.empty() : Optional.of(calls);
    }
}
