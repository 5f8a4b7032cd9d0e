package org.smg.gateway.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.joran.spi.JoranException;

/** The gateway's console pattern: one record is one line at column 0 plus tab-indented trace lines. */
@SuppressWarnings("unchecked")
class EscapingLayoutTest {
    private static final String FORGED = "x\r\n12:00:00.000 INFO  forged - Authentication succeeded for account admin";

    private final LoggerContext context = new LoggerContext();
    private final Logger logger = context.getLogger("test");

    @Test
    void layoutShouldKeepAMessageWithCrLfOnOneLine() throws Exception {
        String formatted = layout().doLayout(event("HELO {}", null, FORGED));

        assertThat(formatted.split("\n")).hasSize(1);
        assertThat(formatted).contains("HELO x\\r\\n12:00:00.000 INFO  forged");
    }

    @Test
    void layoutShouldIndentEveryTraceLineWhenAnExceptionMessageCarriesCrLf() throws Exception {
        String formatted = layout().doLayout(event("Login failed", new IllegalArgumentException(FORGED)));

        List<String> lines = List.of(formatted.split("\n"));
        assertThat(lines.get(0)).endsWith("Login failed");
        assertThat(lines.subList(1, lines.size())).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("\t"));
        assertThat(formatted).contains("x\\r");
    }

    /** The layout of the gateway's own logback.xml, as configured at start-up. */
    private Layout<ILoggingEvent> layout() throws JoranException {
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(EscapingLayoutTest.class.getResource("/logback.xml"));
        OutputStreamAppender<ILoggingEvent> console =
            (OutputStreamAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
        return ((LayoutWrappingEncoder<ILoggingEvent>) console.getEncoder()).getLayout();
    }

    private LoggingEvent event(String message, Throwable error, Object... arguments) {
        return new LoggingEvent(Logger.class.getName(), logger, Level.WARN, message, error, arguments);
    }
}
