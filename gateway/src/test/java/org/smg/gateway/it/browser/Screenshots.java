package org.smg.gateway.it.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Whole-page PNGs of what the browser shows, under {@code target/screenshots/<class>/}, for review and for the
 * user guide. Taken through the DevTools protocol ({@code Page.captureScreenshot} beyond the viewport) so a long
 * page is captured whole.
 */
public final class Screenshots {
    private final Path directory;

    public Screenshots(String testClass) {
        this.directory = Path.of("target", "screenshots", testClass);
    }

    /** Writes {@code <name>-<suffix>.png} of the page as currently laid out and returns its path. */
    public Path take(ChromeDriver driver, String name, String suffix) {
        Object data = capture(driver).get("data");
        Path file = directory.resolve(name + "-" + suffix + ".png");
        try {
            Files.createDirectories(directory);
            Files.write(file, Base64.getDecoder().decode((String) data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Chromium refuses a capture while the page has no layout yet ("Cannot take screenshot with 0 width"), which
     * happens for a moment after a navigation or a viewport change: wait for a laid-out page, for at most 5 s.
     */
    private static Map<String, Object> capture(ChromeDriver driver) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            try {
                return driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
            } catch (WebDriverException e) {
                if (!String.valueOf(e.getMessage()).contains("0 width") || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
