package org.smg.gateway.it.browser;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a citizen does on a page, for the browser tests: fill a field, press a button and wait for the next page, read it. */
public final class PageActions {
    private static final Duration PAGE_LOAD = Duration.ofSeconds(15);

    private PageActions() {
    }

    public static void fill(WebDriver driver, String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /** Clicks a submit button and waits until the page it leads to has loaded. */
    public static void submit(WebDriver driver, By button) {
        WebElement old = driver.findElement(By.tagName("html"));
        driver.findElement(button).click();
        awaitNewPage(driver, old);
    }

    /** Waits until the document {@code old} belonged to is gone and its successor has loaded. */
    public static void awaitNewPage(WebDriver driver, WebElement old) {
        new WebDriverWait(driver, PAGE_LOAD).until(browser -> {
            try {
                old.isDisplayed();
                return false;
            } catch (WebDriverException gone) {
                // Stale, or, when the old document goes mid-call, Chromium's "node does not belong to the document".
                try {
                    return "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState;"));
                } catch (WebDriverException navigating) {
                    return false;
                }
            }
        });
    }

    public static String heading(WebDriver driver) {
        return driver.findElement(By.tagName("h1")).getText();
    }

    public static String text(WebDriver driver) {
        return driver.findElement(By.tagName("body")).getText();
    }
}
