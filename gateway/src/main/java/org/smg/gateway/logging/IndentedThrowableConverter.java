package org.smg.gateway.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;

/**
 * {@code %indentedEx}: a stack trace whose every line starts with a tab, with control characters
 * escaped inside each line. A log record is then exactly one line starting at column 0 plus its
 * indented continuation lines, even when an exception message carries client input with CR LF.
 */
public final class IndentedThrowableConverter extends ThrowableProxyConverter {
    @Override
    public String convert(ILoggingEvent event) {
        String trace = super.convert(event);
        if (trace.isEmpty()) {
            return trace;
        }
        StringBuilder indented = new StringBuilder(trace.length() + 64);
        for (String line : trace.split("\n", -1)) {
            if (!line.isEmpty()) {
                indented.append('\t').append(ControlCharacters.escape(line)).append(CoreConstants.LINE_SEPARATOR);
            }
        }
        return indented.toString();
    }
}
