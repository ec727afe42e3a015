package dev.segue.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.segue.agent.ReplayProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page while the agent works, in headless Chromium, with a scripted LLM (WireMock, streamed answers): the
 * page asks for the playlist as Server-Sent Events and shows each step as it happens (planning, the LLM's calls, each
 * tool call with its result count), then the playlist; when the provider fails, the fallback and why.
 */
@QuarkusTest
@TestProfile(ReplayProfile.OpenAiStreamed.class)
class WebProgressTest {

    private static final String SEARCH = "{\\\"query\\\":\\\"calm piano\\\",\\\"instruments\\\":[\\\"piano\\\"]}";

    private static ChromeDriver driver;
    private static Path profile;

    WireMockServer server;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() throws IOException {
        if (HeadlessChromium.installed()) {
            profile = Files.createTempDirectory(Path.of("target"), "chromium-profile");
            driver = HeadlessChromium.start(profile);
        }
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        HeadlessChromium.stop(driver, profile);
    }

    @Test
    void theAgentsStepsShowWhileThePageWaitsThenTheFallbackAndWhy() {
        assumeTrue(driver != null, HeadlessChromium.MISSING);
        script(
                stream(
                        "{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\","
                                + "\"function\":{\"name\":\"search_tracks\",\"arguments\":\"" + SEARCH + "\"}}]}",
                        "tool_calls"),
                stream("{\"role\":\"assistant\",\"content\":\"Calm piano it is.\"}", "stop")
                        .withFixedDelay(2500)); // the page is still waiting when the tool's line appears
        driver.get(base.toString());
        wait(Duration.ofSeconds(15)).until(d -> byId("make").isEnabled());
        byId("prompt").sendKeys("calm piano music to help me focus while studying");
        byId("make").click();

        WebElement tool = wait(Duration.ofSeconds(20))
                .until(d -> d.findElements(By.cssSelector("#progress li.progress-tool")).stream()
                        .findFirst()
                        .orElse(null));
        assertFalse(byId("make").isEnabled(), "the line came while the page was still waiting");
        assertTrue(tool.getText().matches("Tool search_tracks: [1-9]\\d* results"), tool.getText());
        waitUntilDone();
        assertTrue(
                byId("pl-meta").getText().contains("planner: llm"),
                byId("pl-meta").getText());
        List<String> lines = progressLines();
        assertEquals("Planning with the LLM (openai:test-model)…", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("LLM call 1 answered in")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\d+ tracks found so far")), lines.toString());
        assertFalse(driver.findElements(By.cssSelector("#tracks li.track")).isEmpty());

        server.resetAll();
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503)));
        byId("make").click();
        WebElement fallback = wait(Duration.ofSeconds(20))
                .until(d -> d.findElements(By.cssSelector("#progress li.progress-fallback")).stream()
                        .findFirst()
                        .orElse(null));
        assertEquals("Falling back to the offline planner: the provider answered HTTP 503", fallback.getText());
        waitUntilDone();
        assertTrue(
                byId("pl-meta").getText().contains("planner: offline"),
                byId("pl-meta").getText());
    }

    /** Answers the next calls with these, in order. */
    private void script(ResponseDefinitionBuilder... answers) {
        server.resetAll();
        String state = Scenario.STARTED;
        for (int i = 0; i < answers.length; i++) {
            String next = "call-" + (i + 2);
            server.stubFor(post(anyUrl())
                    .inScenario("page")
                    .whenScenarioStateIs(state)
                    .willReturn(answers[i])
                    .willSetStateTo(next));
            state = next;
        }
    }

    /** A streamed chat completion: one chunk with this delta, one that finishes, and [DONE]. */
    private static ResponseDefinitionBuilder stream(String delta, String finishReason) {
        String head = "{\"id\":\"chatcmpl-page\",\"object\":\"chat.completion.chunk\",\"created\":1764000000,"
                + "\"model\":\"test-model\",\"choices\":[{\"index\":0,";
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody("data: " + head + "\"delta\":" + delta + ",\"finish_reason\":null}]}\n\n"
                        + "data: " + head + "\"delta\":{},\"finish_reason\":\"" + finishReason + "\"}]}\n\n"
                        + "data: [DONE]\n\n");
    }

    private static void waitUntilDone() {
        wait(Duration.ofSeconds(30))
                .until(d -> byId("make").isEnabled() && byId("status").getText().contains("ready"));
    }

    private static List<String> progressLines() {
        return driver.findElements(By.cssSelector("#progress li")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    private static WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }
}
