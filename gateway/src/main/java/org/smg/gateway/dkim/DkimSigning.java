package org.smg.gateway.dkim;

import java.util.List;
import java.util.Objects;

/**
 * What the gateway signs with: its key, the selector (dkim.selector) and its own domains, each of
 * which publishes the same public key at {@code <selector>._domainkey.<domain>}.
 */
public record DkimSigning(DkimKey key, String selector, List<String> domains) {

    public DkimSigning {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(selector, "selector");
        domains = List.copyOf(domains);
    }

    /** The DNS name of the TXT record of {@code domain}. */
    public String recordName(String domain) {
        return selector + "._domainkey." + domain;
    }

    /** One line per domain, for the administrator: {@code dkim <name> TXT "<value>"}. */
    public List<String> describe() {
        return domains.stream()
            .map(domain -> "dkim " + recordName(domain) + ". IN TXT \"" + key.txtRecord() + "\"  (publish it; GET /dkim on WebAdmin)")
            .toList();
    }
}
