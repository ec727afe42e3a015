package dev.segue.agent;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The service with one provider's API configured (WireMock at its base path), streamed or not: what the recorded
 * answers are replayed against. The breaker is kept out of the way (its own tests use their own profile); a used-up
 * quota pauses the LLM for a second only; a provider's wait of up to 2 s is waited out.
 */
public abstract class ReplayProfile implements QuarkusTestProfile {

    private final String provider;
    private final boolean stream;
    private final String basePath;

    ReplayProfile(String provider, boolean stream, String basePath) {
        this.provider = provider;
        this.stream = stream;
        this.basePath = basePath;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("segue.llm.provider", provider),
                Map.entry("segue.llm.stream", String.valueOf(stream)),
                Map.entry("segue.llm.max-retries", "1"),
                Map.entry("segue.llm.retry-base-delay", "50ms"),
                Map.entry("segue.llm.retry-max-delay", "2s"),
                Map.entry("segue.llm.circuit-breaker-volume", "1000"),
                Map.entry("segue.llm.circuit-breaker-delay", "1s"));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(WireMockLlm.class, Map.of("base-path", basePath)));
    }

    public static class OpenAiStreamed extends ReplayProfile {
        public OpenAiStreamed() {
            super("openai", true, "/v1");
        }
    }

    public static class OpenAiPlain extends ReplayProfile {
        public OpenAiPlain() {
            super("openai", false, "/v1");
        }
    }

    public static class AnthropicStreamed extends ReplayProfile {
        public AnthropicStreamed() {
            super("anthropic", true, "/v1");
        }
    }

    public static class AnthropicPlain extends ReplayProfile {
        public AnthropicPlain() {
            super("anthropic", false, "/v1");
        }
    }

    /** A used-up quota pauses the LLM for 4 s: long enough to outlast the offline playlist on a busy machine. */
    public static class GeminiStreamed extends ReplayProfile {
        static final Duration QUOTA_PAUSE = Duration.ofSeconds(4);

        public GeminiStreamed() {
            super("gemini", true, "/v1beta");
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("segue.llm.circuit-breaker-delay", QUOTA_PAUSE.toMillis() + "ms");
            return overrides;
        }
    }

    public static class GeminiPlain extends ReplayProfile {
        public GeminiPlain() {
            super("gemini", false, "/v1beta");
        }
    }
}
