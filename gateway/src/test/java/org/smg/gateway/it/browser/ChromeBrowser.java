package org.smg.gateway.it.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.smg.gateway.it.FreePorts;

/**
 * A real Chromium for one test class: Debian's {@code chromium} driven through Debian's {@code chromedriver}
 * (both installed by {@code ./test.sh}), headless, in a fresh profile that is deleted afterwards. Register it with
 * {@code @RegisterExtension static final ChromeBrowser browser = new ChromeBrowser();} after the gateway, so the
 * browser starts once the gateway is up and stops before it.
 *
 * <p>Both paths are given to Selenium, so Selenium Manager never looks for (or downloads) a browser or driver.
 * The gateway's self-signed test certificate is accepted for this browser session only ({@code acceptInsecureCerts}).
 * {@code --no-sandbox} because CI runs as root, where Chromium's sandbox cannot start; {@code --disable-dev-shm-usage}
 * because containers have a small {@code /dev/shm}.
 */
public final class ChromeBrowser implements BeforeAllCallback, AfterAllCallback {
    static final String CHROMIUM = System.getProperty("chrome.binary", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    public static final int DESKTOP_WIDTH = 1280;
    public static final int DESKTOP_HEIGHT = 900;

    private ChromeDriver driver;
    private Path profile;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        for (String program : new String[] {CHROMIUM, CHROMEDRIVER}) {
            if (!new File(program).canExecute()) {
                throw new IllegalStateException(program + " is missing: ./test.sh installs the Debian packages chromium and chromium-driver");
            }
        }
        profile = Files.createTempDirectory("smg-chromium-");
        ChromeOptions options = new ChromeOptions()
            .setBinary(CHROMIUM)
            .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT, "--no-first-run", "--no-default-browser-check",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--lang=en-US", "--hide-scrollbars");
        options.setAcceptInsecureCerts(true);
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            // From this JVM's own slice of test ports: Selenium's own choice falls in the range other JVMs pick from.
            .usingPort(FreePorts.pick(1).get(0))
            .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    public ChromeDriver driver() {
        return driver;
    }
}
