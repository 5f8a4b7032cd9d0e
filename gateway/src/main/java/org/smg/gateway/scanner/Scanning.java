package org.smg.gateway.scanner;

import java.nio.file.Path;
import java.util.Optional;

import org.smg.policies.settings.ClamdLocation;
import org.smg.policies.settings.ScannerSettings;

/**
 * The gateway's virus scanner as the settings name it: the embedded clamd, started here and stopped
 * by {@link #close()}, or a clamd of the administrator's, which is only connected to.
 */
public final class Scanning implements AutoCloseable {

    private final ClamdScanner scanner;
    private final Optional<ManagedClamd> embedded;

    private Scanning(ClamdScanner scanner, Optional<ManagedClamd> embedded) {
        this.scanner = scanner;
        this.embedded = embedded;
    }

    /** Starts the embedded clamd when scanner.clamd=embedded; another clamd need not be up yet (mail then waits). */
    public static Scanning start(ScannerSettings settings, Path dataDirectory) throws ClamdStartException {
        if (settings.clamd().kind() == ClamdLocation.Kind.EMBEDDED) {
            ManagedClamd clamd = ManagedClamd.start(dataDirectory, settings.maxFileSize());
            return new Scanning(new ClamdScanner(clamd.address(), settings.timeout(), settings.maxFileSize()), Optional.of(clamd));
        }
        return new Scanning(new ClamdScanner(ClamdAddress.of(settings.clamd()), settings.timeout(), settings.maxFileSize()),
            Optional.empty());
    }

    public ClamdScanner scanner() {
        return scanner;
    }

    /** The line printed with the endpoints. */
    public String describe() {
        return embedded.map(clamd -> "scanner: embedded clamd at " + clamd.socket() + " (project test signatures only)")
            .orElse("scanner: clamd at " + scanner.address());
    }

    @Override
    public void close() {
        embedded.ifPresent(ManagedClamd::close);
    }
}
