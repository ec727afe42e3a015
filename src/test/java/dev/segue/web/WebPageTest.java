package dev.segue.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in headless Chromium (Debian's chromium and chromium-driver, never a downloaded browser), against the
 * running test application. Screenshots go to target/screenshots/ for people to look at.
 */
@QuarkusTest
class WebPageTest {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private static ChromeDriver driver;
    private static Path profile;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!HeadlessChromium.installed()) {
            System.err.println("WARNING: " + HeadlessChromium.MISSING);
            return; // each test is then skipped (reported as skipped, with this reason)
        }
        Files.createDirectories(SCREENSHOTS);
        profile = Files.createTempDirectory(Path.of("target"), "chromium-profile");
        driver = HeadlessChromium.start(profile);
    }

    @BeforeEach
    void needsTheBrowser() {
        assumeTrue(driver != null, HeadlessChromium.MISSING);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        HeadlessChromium.stop(driver, profile);
    }

    @Test
    void promptRefineRemoveTraceAndDjSession() {
        List<String> v1 = makeAPlaylistOfTen();
        List<String> v2 = refineIt(v1);
        removeATrackByKeyboard(v2);
        openTheTrace();
        listenToTheDj();
        List<String> problems = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .toList();
        assertEquals(List.of(), problems, "no script errors or failed requests in the console");
    }

    /** Version 1: ten tracks, each with a title, a reason and a link to listen. */
    private List<String> makeAPlaylistOfTen() {
        open();
        byId("prompt").sendKeys("calm piano music to help me focus while studying");
        byId("size").clear();
        byId("size").sendKeys("10");
        byId("make").click();
        waitForVersion(1);

        List<WebElement> tracks = driver.findElements(By.cssSelector("#tracks li.track"));
        assertEquals(10, tracks.size());
        for (WebElement track : tracks) {
            assertFalse(track.findElement(By.cssSelector(".title")).getText().isBlank());
            assertFalse(track.findElement(By.cssSelector(".reason")).getText().isBlank(), "every track has a reason");
            assertTrue(
                    track.findElement(By.cssSelector("a.listen"))
                            .getDomProperty("href")
                            .startsWith("https://www.jamendo.com/track/"),
                    "a link to listen on Jamendo");
        }
        assertFalse(byId("pl-title").getText().isBlank());
        assertTrue(
                byId("pl-meta").getText().contains("10 tracks"), byId("pl-meta").getText());
        assertTrue(
                byId("status").getText().startsWith("Version 1 ready"),
                byId("status").getText());
        screenshot("01-playlist");
        return trackIds();
    }

    private List<String> refineIt(List<String> v1) {
        byId("refine").sendKeys("add some jazz");
        byId("refine-btn").click();
        waitForVersion(2);
        List<String> v2 = trackIds();
        assertNotEquals(v1, v2, "refining changed the list");
        assertEquals(2, driver.findElements(By.cssSelector("#versions li")).size());
        String download = byId("dl-xspf").getDomProperty("href");
        assertTrue(download.endsWith("/export?format=xspf&version=2"), "downloads follow the version: " + download);
        assertTrue(
                byId("versions").getText().contains("Refined: “add some jazz”"),
                byId("versions").getText());

        return v2;
    }

    private void removeATrackByKeyboard(List<String> v2) {
        String removed = v2.get(0);
        driver.findElement(By.cssSelector("#tracks li:first-child button.remove"))
                .sendKeys(Keys.ENTER); // by keyboard
        waitForVersion(3);
        List<String> v3 = trackIds();
        assertFalse(v3.contains(removed), "the removed track is gone");
        assertEquals(v2.size(), v3.size(), "its slot went to another track");
        assertEquals(
                v3.get(0),
                driver.switchTo()
                        .activeElement()
                        .findElement(By.xpath("ancestor::li"))
                        .getDomAttribute("data-track-id"),
                "focus stays on the slot that changed");
        assertEquals(
                "solid",
                driver.executeScript("return getComputedStyle(document.activeElement).outlineStyle"),
                "the focus is visible");
    }

    private void openTheTrace() {
        driver.findElement(By.cssSelector("#trace > summary")).click();
        wait(Duration.ofSeconds(15))
                .until(d ->
                        !d.findElements(By.cssSelector("#trace-body tbody tr")).isEmpty());
        String trace = byId("trace-body").getText();
        assertTrue(trace.contains("Planner: offline"), trace);
        assertTrue(trace.contains("search_tracks") && trace.contains("rank"), trace);
        driver.executeScript("arguments[0].scrollIntoView()", byId("trace"));
        screenshot("02-trace");
    }

    private void listenToTheDj() {
        byId("dj-minutes").clear();
        byId("dj-minutes").sendKeys("60"); // at the tests' pace (0.0005) an hour streams in about two seconds
        byId("dj-start").click();
        wait(Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.cssSelector("#dj-segments li.segment"))
                        .isEmpty());
        WebElement segment = driver.findElement(By.cssSelector("#dj-segments li.segment"));
        assertFalse(segment.findElement(By.cssSelector(".intro")).getText().isBlank(), "the host's intro is shown");
        assertTrue(segment.findElements(By.cssSelector("ul li")).size() >= 2);
        byId("dj-request").sendKeys("more energy");
        byId("dj-send").click();
        wait(Duration.ofSeconds(15)).until(d -> byId("dj-heard").getText().contains("raising the energy"));

        // Once the session's minutes are played the list stops moving; then like a track.
        wait(Duration.ofSeconds(30)).until(d -> byId("dj-status").getText().contains("minutes are played"));
        WebElement like = driver.findElement(By.cssSelector("#dj-segments li.segment button.like"));
        like.click();
        wait(Duration.ofSeconds(15)).until(d -> "true".equals(like.getDomAttribute("aria-pressed")));
        assertTrue(
                byId("dj-heard").getText().startsWith("Liked"), byId("dj-heard").getText());
        screenshot("03-dj");
    }

    @Test
    void phoneSizedScreen() {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        try {
            open();
            WebElement chip = driver.findElements(By.cssSelector(".chip")).get(2);
            String example = chip.getText();
            chip.click(); // an example prompt fills the box and makes the playlist
            waitForVersion(1);
            assertEquals(example, byId("prompt").getDomProperty("value"));

            Number scrollWidth = (Number) driver.executeScript("return document.documentElement.scrollWidth");
            assertTrue(scrollWidth.intValue() <= 390, "no sideways scrolling at 390 px, got " + scrollWidth);
            Rectangle playlist = byId("playlist").getRect();
            assertTrue(
                    byId("dj").getRect().getY() >= playlist.getY() + playlist.getHeight(), "one column: the DJ below");
            for (WebElement button : driver.findElements(By.cssSelector("#tracks button.remove"))) {
                assertTrue(button.getRect().getHeight() >= 40, "buttons big enough for a thumb");
            }
            screenshot("04-phone");
            driver.executeScript("arguments[0].scrollIntoView()", byId("playlist"));
            screenshot("05-phone-playlist");
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    void errorsShowTheProblemDetailAndApiTextIsNeverHtml() {
        open();
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) driver.executeScript("return [...document.querySelectorAll("
                + "'input, select, textarea')].filter(e => e.labels.length === 0).map(e => e.id)");
        assertEquals(List.of(), unlabelled, "every control has a label");
        wait(Duration.ofSeconds(10))
                .until(d -> byId("about").getText().contains("tracks in the catalog · planner: offline"));

        byId("make").click(); // an empty prompt: the server's problem detail is shown
        WebElement error =
                wait(Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertTrue(error.getText().contains("prompt is required and must not be blank"), error.getText());
        assertEquals("alert", error.getDomAttribute("role"));
        assertTrue(byId("make").isEnabled(), "the button is usable again");
        screenshot("06-error");

        // Enter in the prompt box submits; the prompt comes back from the API and must be shown as text.
        byId("prompt").sendKeys("<img id=injected src=x onerror=\"document.title='pwned'\"> calm piano", Keys.ENTER);
        waitForVersion(1);
        assertFalse(byId("error").isDisplayed(), "the error is cleared");
        assertTrue(driver.findElements(By.id("injected")).isEmpty(), "no element made from API text");
        assertTrue(
                byId("versions").getText().contains("<img id=injected"),
                byId("versions").getText());
        assertNotEquals("pwned", driver.getTitle());

        byId("dj-minutes").clear();
        byId("dj-minutes").sendKeys("1"); // the DJ panel shows its own problems
        byId("dj-start").click();
        WebElement djError =
                wait(Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(By.id("dj-error")));
        assertTrue(djError.getText().contains("minutes must be between 5 and 600 (got 1)"), djError.getText());
        assertFalse(byId("error").isDisplayed(), "the playlist's error box is the playlist's");
    }

    private void open() {
        driver.get(base.toString());
        wait(Duration.ofSeconds(15)).until(d -> byId("make").isEnabled());
    }

    private static WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    private static WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    private static void waitForVersion(int version) {
        wait(Duration.ofSeconds(30))
                .until(d -> byId("pl-meta").getText().startsWith("Version " + version + " ")
                        && byId("make").isEnabled());
    }

    private static List<String> trackIds() {
        return driver.findElements(By.cssSelector("#tracks li.track")).stream()
                .map(e -> e.getDomAttribute("data-track-id"))
                .toList();
    }

    private static void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
