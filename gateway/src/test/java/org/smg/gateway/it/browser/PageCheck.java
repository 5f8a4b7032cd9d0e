package org.smg.gateway.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What every visited page must pass, at desktop width ({@link ChromeBrowser#DESKTOP_WIDTH}) and on a 360 px phone:
 * no serious or critical axe-core violation, no horizontal scrolling at 360 px; and a screenshot of each.
 * The phone is emulated through the DevTools protocol (viewport 360 px, mobile), then the desktop is restored.
 */
public final class PageCheck {
    public static final int PHONE_WIDTH = 360;
    private static final int PHONE_HEIGHT = 780;

    private final ChromeDriver driver;
    private final Screenshots screenshots;
    private final Axe axe;

    public PageCheck(ChromeDriver driver, String testClass) {
        this.driver = driver;
        this.screenshots = new Screenshots(testClass);
        this.axe = Axe.load();
    }

    /** Checks the page now shown under {@code name} (the screenshots' file name). */
    public void check(String name) {
        screenshots.take(driver, name, "desktop");
        assertThat(axe.violations(driver)).as("axe-core on %s (%s) at %d px", name, driver.getCurrentUrl(), ChromeBrowser.DESKTOP_WIDTH)
            .isEmpty();
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
            Map.of("width", PHONE_WIDTH, "height", PHONE_HEIGHT, "deviceScaleFactor", 1, "mobile", true));
        try {
            Object scrollWidth = driver.executeScript("return document.documentElement.scrollWidth;");
            Object innerWidth = driver.executeScript("return window.innerWidth;");
            screenshots.take(driver, name, "360");
            assertThat(((Number) scrollWidth).longValue()).as("scroll width of %s at %d px", name, PHONE_WIDTH)
                .isLessThanOrEqualTo(((Number) innerWidth).longValue());
            assertThat(axe.violations(driver)).as("axe-core on %s (%s) at %d px", name, driver.getCurrentUrl(), PHONE_WIDTH).isEmpty();
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }
}
