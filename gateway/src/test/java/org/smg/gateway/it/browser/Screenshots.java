package org.smg.gateway.it.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

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
        Object data = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true))
            .get("data");
        Path file = directory.resolve(name + "-" + suffix + ".png");
        try {
            Files.createDirectories(directory);
            Files.write(file, Base64.getDecoder().decode((String) data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
