package org.smg.gateway.scanner;

import org.apache.james.core.healthcheck.HealthCheck;
import org.smg.gateway.attachments.VirusScanner;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;

/** Binds the scanner the gateway started, and its entry in WebAdmin's health checks. */
public final class ScannerModule extends AbstractModule {

    private final ClamdScanner scanner;

    public ScannerModule(ClamdScanner scanner) {
        this.scanner = scanner;
    }

    @Override
    protected void configure() {
        bind(ClamdScanner.class).toInstance(scanner);
        bind(VirusScanner.class).toInstance(scanner);
        Multibinder.newSetBinder(binder(), HealthCheck.class).addBinding().to(ClamdHealthCheck.class);
    }
}
