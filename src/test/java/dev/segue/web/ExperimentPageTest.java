package dev.segue.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.Track;
import dev.segue.experiment.Experiments;
import dev.segue.experiment.Exposure;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The experiment report page in headless Chromium: arms, metrics with their intervals and plots, the SRM flag. */
@QuarkusTest
class ExperimentPageTest {

    private static ChromeDriver driver;
    private static Path profile;

    @Inject
    Experiments experiments;

    @Inject
    Catalog catalog;

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

    @AfterEach
    void stopAll() {
        experiments.all().forEach(e -> experiments.stop(e.id()));
    }

    @Test
    void theReportShowsArmsIntervalsPlotsAndABrokenSplit() {
        assumeTrue(driver != null, HeadlessChromium.MISSING);
        String id = given().contentType(ContentType.JSON)
                .body("{\"name\":\"page test\",\"description\":\"a broken split\",\"arms\":["
                        + "{\"name\":\"control\",\"weight\":1,\"options\":{}},"
                        + "{\"name\":\"treatment\",\"weight\":1,\"options\":{\"ranker\":\"none\"}}]}")
                .post("/api/experiments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        listeners(id, "control", 40, 0.2);
        listeners(id, "treatment", 12, 0.5); // 40 against 12 where the weights say 1:1

        driver.get(base + "experiments/" + id);
        try {
            new WebDriverWait(driver, Duration.ofSeconds(15))
                    .until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        } catch (TimeoutException e) {
            throw new AssertionError("the report did not load: "
                    + driver.findElement(By.tagName("body")).getText() + " " + console(Level.ALL));
        }

        assertEquals("page test", driver.findElement(By.id("title")).getText());
        List<String> arms = driver.findElements(By.cssSelector("#arms tr.arm-row th")).stream()
                .map(WebElement::getText)
                .toList();
        assertEquals(List.of("control (control)", "treatment"), arms);
        WebElement srm = driver.findElement(By.id("srm"));
        assertEquals("srm-flag", srm.getDomAttribute("class"));
        assertTrue(srm.getText().contains("Sample ratio mismatch"), srm.getText());
        assertTrue(srm.getText().contains("40 / 12"), srm.getText());

        List<WebElement> metrics = driver.findElements(By.cssSelector("section.metric"));
        assertEquals(10, metrics.size(), "every metric of the report");
        WebElement skips = driver.findElement(By.cssSelector("section.metric[data-metric=skipRate]"));
        assertEquals(2, skips.findElements(By.cssSelector("svg.plot line.ci")).size(), "an interval per arm");
        List<String> intervals = skips.findElements(By.cssSelector("td.ci-text")).stream()
                .map(WebElement::getText)
                .toList();
        assertEquals(2, intervals.size());
        assertTrue(intervals.stream().allMatch(t -> t.contains(" to ")), intervals.toString());
        assertTrue(skips.getText().contains("p-value"));
        assertEquals(3, driver.findElements(By.cssSelector(".guardrail")).size(), "fallbacks, latency, tokens");
        List<String> diversity = driver.findElements(By.cssSelector("#diversity tr.diversity-row")).stream()
                .map(WebElement::getText)
                .toList();
        assertEquals(2, diversity.size(), diversity.toString());
        assertTrue(diversity.get(0).matches("control( \\d\\.\\d{3}){4} (\\d\\.\\d{3}|–)"), "measured: " + diversity);
        assertEquals("treatment no tracks recorded", diversity.get(1));
        assertEquals(List.of(), console(Level.WARNING), "no script errors or failed requests in the console");
    }

    private static List<String> console(Level atLeast) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= atLeast.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    @Test
    void anUnknownExperimentSaysSo() {
        assumeTrue(driver != null, HeadlessChromium.MISSING);
        driver.get(base + "experiments/exp-nothing");
        WebElement error = new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> d.findElement(By.id("error")).isDisplayed() ? d.findElement(By.id("error")) : null);
        assertTrue(error.getText().contains("no experiment"), error.getText());
        assertFalse(driver.findElements(By.cssSelector("section.metric")).size() > 0);
    }

    /** The control's listeners were shown ten catalog tracks each; the treatment's exposures recorded none. */
    private List<String> shown(String arm, int listener) {
        if (!arm.equals("control")) {
            return List.of();
        }
        return catalog.tracks().subList(listener * 10, listener * 10 + 10).stream()
                .map(Track::id)
                .toList();
    }

    /** Listeners shown one playlist each, who skip about {@code skipShare} of ten plays. */
    private void listeners(String experiment, String arm, int count, double skipShare) {
        List<Exposure> exposures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            exposures.add(new Exposure(
                    experiment, arm, arm + i, arm + "-p" + i, 1, "create", 100 + i, 0, false, shown(arm, i)));
        }
        experiments.expose(exposures);
        for (int i = 0; i < count; i++) {
            List<String> events = new ArrayList<>();
            for (int t = 0; t < 10; t++) {
                events.add("play");
                if ((t + i) % 10 < skipShare * 10) {
                    events.add("skip");
                }
            }
            experiments.listened(arm + i, arm + "-p" + i, events);
        }
    }
}
