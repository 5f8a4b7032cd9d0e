package org.smg.gateway.scanner;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs when clamd stops answering (WARN) and when it answers again (INFO), once per change rather than
 * once per mail, so an administrator sees the outage without a flood.
 */
final class ClamdReachability {
    private static final Logger LOGGER = LoggerFactory.getLogger(ClamdReachability.class);

    private final String address;
    private final AtomicBoolean reachable = new AtomicBoolean(true);

    ClamdReachability(String address) {
        this.address = address;
    }

    void answered() {
        if (reachable.compareAndSet(false, true)) {
            LOGGER.info("clamd at {} answers again; scanning resumes", address);
        }
    }

    void failed(String reason) {
        if (reachable.compareAndSet(true, false)) {
            LOGGER.warn("clamd at {} is unreachable: {}; mail waits in the queue until it answers", address, reason);
        }
    }
}
