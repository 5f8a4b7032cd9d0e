package org.smg.gateway.audit;

import java.util.Locale;

/** Where a login was attempted; recorded as {@code protocol=imap|smtp|web} in the entry's detail. */
public enum LoginProtocol {
    IMAP,
    SMTP,
    WEB;

    String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
