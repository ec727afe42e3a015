package dev.segue.agent;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** An OpenAI-compatible endpoint for tests: a WireMock server that the service is configured to call. */
public class WireMockLlm implements QuarkusTestResourceLifecycleManager {

    static final String API_KEY = "sk-test-key-that-must-never-be-logged";
    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return Map.of(
                "segue.llm.base-url",
                "http://localhost:" + server.port() + "/v1",
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
