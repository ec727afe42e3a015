package dev.segue.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.segue.agent.ProviderHttpException.Meaning;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a provider's error answer for what it means. A 4xx other than 408 and 429 is about the request or the settings;
 * 5xx, 408 and Anthropic's 529 are the provider failing; a 429 is a rate limit to wait out, unless it says a quota is
 * used up (OpenAI's {@code insufficient_quota}, Anthropic's spend limit, Gemini's daily {@code RESOURCE_EXHAUSTED}
 * without a retry time, a 402) or asks for a wait longer than a request can give: then the LLM pauses.
 */
final class ProviderErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE = 200;
    // Secrets a message may echo: provider keys, bearer tokens, key= parameters.
    private static final Pattern SECRETS = Pattern.compile(
            "(?i)(sk-[a-z0-9_\\-]{8,}|AIza[0-9a-z_\\-]{20,}|bearer\\s+\\S+|(?<=key=)[^&\\s\"']+|[a-z0-9_\\-]{40,})");

    private final Duration longestWait;

    /** @param longestWait the longest the provider may ask us to wait and still be retried (segue.llm.retry-max-delay) */
    ProviderErrors(Duration longestWait) {
        this.longestWait = longestWait;
    }

    ProviderHttpException read(int status, Map<String, List<String>> headers, String body, Collection<String> secrets) {
        JsonNode json = parse(body);
        String message = message(json, secrets);
        Duration wait = RetryHints.of(headers, json, Instant.now()).orElse(null);
        return new ProviderHttpException(status, body, meaning(status, json, body, wait), wait, message);
    }

    private Meaning meaning(int status, JsonNode json, String body, Duration wait) {
        if (status == 429 || status == 402) {
            if (status == 402 || quotaUsedUp(json, body, wait)) {
                return Meaning.QUOTA;
            }
            return wait != null && wait.compareTo(longestWait) > 0 ? Meaning.QUOTA : Meaning.RATE_LIMITED;
        }
        if (status == 408 || status >= 500) {
            return Meaning.SERVER;
        }
        return Meaning.REQUEST;
    }

    private static boolean quotaUsedUp(JsonNode json, String body, Duration wait) {
        String text = body == null ? "" : body;
        if (text.contains("insufficient_quota") || text.contains("enforced_spend_limit_reached")) {
            return true;
        }
        boolean gemini = "RESOURCE_EXHAUSTED".equals(json.at("/error/status").asText());
        return gemini && (text.contains("PerDay") || wait == null);
    }

    /** The provider's own words (error.message, error as text, message or detail), sanitised; null when none. */
    static String message(JsonNode json, Collection<String> secrets) {
        String raw =
                firstText(json.at("/error/message"), json.path("error"), json.path("message"), json.path("detail"));
        if (raw == null) {
            return null;
        }
        String clean = raw;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 6) {
                clean = clean.replace(secret, "[redacted]");
            }
        }
        clean = SECRETS.matcher(clean).replaceAll("[redacted]");
        return ModelText.clip(clean, MAX_MESSAGE);
    }

    private static String firstText(JsonNode... nodes) {
        for (JsonNode n : nodes) {
            if (n.isTextual() && !n.asText().isBlank()) {
                return n.asText();
            }
        }
        return null;
    }

    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (Exception notJson) {
            return MissingNode.getInstance();
        }
    }

    /** True for an error that says the server cannot stream (an old llama.cpp: "Cannot use tools with stream"). */
    static boolean refusesStreaming(ProviderHttpException e) {
        String message = e.providerMessage().orElse("").toLowerCase(Locale.ROOT);
        return e.statusCode() != 429 && message.contains("stream") && !message.contains("context");
    }
}
