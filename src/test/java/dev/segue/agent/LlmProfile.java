package dev.segue.agent;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The service with an LLM configured (WireMock), and bounds small enough to hit in a test. */
public class LlmProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("segue.llm.call-timeout", "3s"),
                Map.entry("segue.llm.request-timeout", "12s"),
                Map.entry("segue.llm.max-retries", "1"),
                Map.entry("segue.llm.retry-base-delay", "50ms"),
                Map.entry("segue.llm.retry-max-delay", "2s"),
                Map.entry("segue.llm.max-tool-calls", "4"),
                Map.entry("segue.llm.circuit-breaker-volume", "1000"),
                Map.entry("quarkus.log.file.enabled", "true"),
                Map.entry("quarkus.log.file.path", "target/llm-test.log"),
                Map.entry("quarkus.log.file.level", "ALL"),
                Map.entry("quarkus.log.category.\"dev.segue\".level", "DEBUG"));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(WireMockLlm.class));
    }
}
