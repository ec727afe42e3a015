package dev.segue.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;

/** Debian's chromium and chromium-driver, headless, on a closed network (never a downloaded browser). */
final class HeadlessChromium {

    // Debian's packages by default; -Dwebtest.chromium=… / -Dwebtest.chromedriver=… point elsewhere.
    static final Path CHROMIUM = Path.of(System.getProperty("webtest.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("webtest.chromedriver", "/usr/bin/chromedriver"));

    static final String MISSING = "web page tests skipped: they need " + CHROMIUM + " and " + CHROMEDRIVER
            + " (apt-get install chromium chromium-driver; .ci/run installs them)";

    private HeadlessChromium() {}

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** A browser with its own empty profile, whose console messages the tests can read. */
    static ChromeDriver start(Path profile) {
        // Selenium warns that it has no CDP bindings for this Chromium version; the tests use none.
        Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The background-networking flags matter on a closed network: without them Chromium's own connections
        // to Google's services are refused, many at a time.
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--window-size=1280,1000",
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL")); // to fail on script errors
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        return new ChromeDriver(service, options);
    }

    /** Quits the browser and deletes its profile; either may be null (the browser was never started). */
    static void stop(WebDriver driver, Path profile) throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
