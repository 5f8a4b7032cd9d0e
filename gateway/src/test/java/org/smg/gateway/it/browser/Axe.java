package org.smg.gateway.it.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core (the npm package, fetched by the build into {@code target/axe}, version in the parent pom) run on the
 * page the browser shows. The script is test tooling injected through WebDriver, which the page's CSP does not
 * govern; the pages themselves still carry no script.
 */
public final class Axe {
    /** The impacts that fail a page: axe's two highest. */
    static final List<String> FAILING_IMPACTS = List.of("serious", "critical");
    private static final String RUN = """
        const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ['violations']})
          .then(results => done(results.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
          .catch(error => done(['axe failed: ' + error]));
        """;

    private final String source;

    private Axe(String source) {
        this.source = source;
    }

    /** Loads axe.min.js from the path the build passes ({@code axe.script}). */
    public static Axe load() {
        Path script = Path.of(System.getProperty("axe.script", "target/axe/node_modules/axe-core/axe.min.js"));
        try {
            return new Axe(Files.readString(script, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(script + " is missing: the build fetches the npm package axe-core into target/axe (needs npm)", e);
        }
    }

    /** The serious and critical violations of the current page, one line each with the rule id and the elements; empty when none. */
    @SuppressWarnings("unchecked")
    public List<String> violations(JavascriptExecutor browser) {
        browser.executeScript(source);
        return (List<String>) browser.executeAsyncScript(RUN);
    }
}
