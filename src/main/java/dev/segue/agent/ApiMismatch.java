package dev.segue.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells an answer from the configured API from an answer that clearly is not one: a web page, Ollama's native API
 * (its {@code /api/chat} answers with {@code message} and {@code done}, or streams NDJSON), a chat-completions
 * answer without {@code choices}, or a 404 that is not the API's own JSON error. Each says what base URL to set.
 */
final class ApiMismatch {

    private static final String COMPLETIONS = "/chat/completions";

    private ApiMismatch() {}

    /** A successful answer (status 2xx) that cannot be the configured API's; empty when it may well be. */
    static Optional<ProviderMisconfigured> ofSuccess(
            ProviderHttpClient.Shape shape, String url, String contentType, String body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String text = body == null ? "" : body.stripLeading();
        if (type.contains("text/html") || text.startsWith("<")) {
            return Optional.of(wrong(url, "answers with a web page, not the LLM API", shape));
        }
        if (type.contains("ndjson")) {
            return Optional.of(wrong(url, "answers in Ollama's native API format (NDJSON), not the OpenAI one", shape));
        }
        if (shape != ProviderHttpClient.Shape.OPENAI || !text.startsWith("{")) {
            return Optional.empty();
        }
        JsonNode json = ProviderErrors.parse(text);
        if (json.has("choices") || json.has("error")) {
            return Optional.empty();
        }
        if (json.has("done") && (json.has("message") || json.has("response"))) {
            return Optional.of(
                    wrong(url, "answers in Ollama's native API format (/api/chat), not the OpenAI one", shape));
        }
        return Optional.of(wrong(url, "answers without \"choices\": it is not an OpenAI-compatible chat API", shape));
    }

    /** A 404 whose body is not the API's own JSON error: there is no chat endpoint at that URL. */
    static Optional<ProviderMisconfigured> ofNotFound(ProviderHttpClient.Shape shape, String url, String body) {
        String text = body == null ? "" : body.strip();
        if (text.startsWith("{")) {
            return Optional.empty(); // the API's own "model not found" and the like: a request error
        }
        return Optional.of(wrong(url, "has no chat endpoint (HTTP 404)", shape));
    }

    private static ProviderMisconfigured wrong(String url, String what, ProviderHttpClient.Shape shape) {
        String base = baseUrl(url);
        String hint = shape == ProviderHttpClient.Shape.OPENAI
                ? "set segue.llm.base-url to the server's OpenAI-compatible endpoint, e.g. " + origin(url) + "/v1"
                : "check segue.llm.base-url and segue.llm.provider";
        return new ProviderMisconfigured("the LLM base URL " + base + " " + what + "; " + hint);
    }

    /** The configured base URL, as far as the request URL shows it (the API path cut off; never a query). */
    private static String baseUrl(String url) {
        String path = URI.create(url).getPath();
        int cut = path == null ? -1 : path.lastIndexOf(COMPLETIONS);
        String base = origin(url) + (cut >= 0 ? path.substring(0, cut) : "");
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }
}
