package org.smg.gateway.attachments;

import java.io.InputStream;

/** Scans a stream for malware. Implementations fail closed: anything but a definite "clean" is not {@link ScanResult#clean()}. */
public interface VirusScanner {

    /**
     * Streams {@code content} to the scanner (never loading it whole) and returns its verdict.
     *
     * @throws ScannerUnavailableException when the scanner cannot be reached, times out or answers nonsense:
     *     the mail must wait and be scanned again later, neither delivered nor refused
     */
    ScanResult scan(InputStream content) throws ScannerUnavailableException;
}
