package org.smg.gateway.scanner;

import javax.inject.Inject;

import org.apache.james.core.healthcheck.ComponentName;
import org.apache.james.core.healthcheck.HealthCheck;
import org.apache.james.core.healthcheck.Result;
import org.reactivestreams.Publisher;
import org.smg.gateway.attachments.ScannerUnavailableException;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** WebAdmin's {@code GET /healthcheck} entry "clamd": healthy when clamd answers PING, unhealthy with the reason otherwise. */
public final class ClamdHealthCheck implements HealthCheck {

    static final ComponentName COMPONENT = new ComponentName("clamd");

    private final ClamdScanner scanner;

    @Inject
    public ClamdHealthCheck(ClamdScanner scanner) {
        this.scanner = scanner;
    }

    @Override
    public ComponentName componentName() {
        return COMPONENT;
    }

    @Override
    public Publisher<Result> check() {
        return Mono.fromCallable(this::ping).subscribeOn(Schedulers.boundedElastic());
    }

    private Result ping() {
        try {
            scanner.ping();
            return Result.healthy(COMPONENT);
        } catch (ScannerUnavailableException e) {
            return Result.unhealthy(COMPONENT, e.getMessage());
        }
    }
}
