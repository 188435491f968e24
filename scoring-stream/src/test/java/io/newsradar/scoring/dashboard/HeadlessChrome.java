package io.newsradar.scoring.dashboard;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium driven through Debian's chromedriver, headless. Nothing is downloaded: the
 * driver's file is given to the service (Selenium then skips Selenium Manager, which would look for
 * or fetch a driver) and the browser's binary to the options. Without the two files a test is
 * skipped with the reason, except in CI ({@code NEWSRADAR_CI=1}, where {@code .ci/run} installs
 * them), where it fails.
 */
final class HeadlessChrome {
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Duration WAIT = Duration.ofSeconds(60);

    private HeadlessChrome() {}

    /** Skips the calling test (fails it in CI) when chromium or chromedriver is missing. */
    static void requireInstalled() {
        if (Files.isExecutable(DRIVER) && Files.isExecutable(BROWSER)) {
            return;
        }
        String why = "the browser test needs " + BROWSER + " and " + DRIVER
                + " (Debian packages chromium and chromium-driver)";
        if ("1".equals(System.getenv("NEWSRADAR_CI"))) {
            fail(why + ": NEWSRADAR_CI=1, so CI must have installed them");
        }
        Assumptions.abort(why + "; not installed here, skipped");
    }

    static ChromeDriver start() {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(
                "--headless=new",
                // containers and CI runners run as root, where Chrome's sandbox cannot start
                "--no-sandbox",
                // /dev/shm is 64 MB in containers: too small for Chrome's shared memory
                "--disable-dev-shm-usage",
                // no calls home: component updates, sync, field trials
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--window-size=1400,2000");
        return new ChromeDriver(service, options);
    }

    static WebDriverWait waitFor(ChromeDriver driver) {
        return new WebDriverWait(driver, WAIT, Duration.ofMillis(100));
    }

    /** Saves a screenshot of the page as {@code file}. */
    static Path screenshot(ChromeDriver driver, Path file) {
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static boolean isPng(Path file) throws IOException {
        byte[] head = new byte[8];
        try (var in = Files.newInputStream(file)) {
            if (in.read(head) != 8) {
                return false;
            }
        }
        return head[0] == (byte) 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G';
    }
}
