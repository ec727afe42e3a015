package dev.segue.agent;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** The LLM provider for tests: a WireMock server that the service is configured to call. */
public class WireMockLlm implements QuarkusTestResourceLifecycleManager {

    static final String API_KEY = "sk-test-key-that-must-never-be-logged";
    private WireMockServer server;
    private String basePath = "/v1";

    /** "base-path": where the API lives on the server (/v1 for OpenAI and Anthropic, /v1beta for Gemini). */
    @Override
    public void init(Map<String, String> initArgs) {
        basePath = initArgs.getOrDefault("base-path", basePath);
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return Map.of(
                "segue.llm.base-url",
                "http://localhost:" + server.port() + basePath,
                "segue.llm.api-key",
                API_KEY,
                "segue.llm.model",
                "test-model");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.MatchesType(WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
