package org.smg.policies.settings;

import static org.smg.policies.settings.SettingCatalog.SCANNER_CLAMD;
import static org.smg.policies.settings.SettingCatalog.SCANNER_MAX_FILE_SIZE;
import static org.smg.policies.settings.SettingCatalog.SCANNER_RETRY_DELAY;
import static org.smg.policies.settings.SettingCatalog.SCANNER_TIMEOUT;

import java.nio.file.Path;
import java.time.Duration;

/** The virus scanner (scanner.*): where clamd listens, how long to wait for it, the largest file it takes. */
public final class ScannerSettings {

    private final ClamdLocation clamd;
    private final Duration timeout;
    private final long maxFileSize;
    private final Duration retryDelay;

    private ScannerSettings(ClamdLocation clamd, Duration timeout, long maxFileSize, Duration retryDelay) {
        this.clamd = clamd;
        this.timeout = timeout;
        this.maxFileSize = maxFileSize;
        this.retryDelay = retryDelay;
    }

    static ScannerSettings create(SettingValues values, Path base) {
        return new ScannerSettings(values.get(SCANNER_CLAMD).resolve(base), values.get(SCANNER_TIMEOUT),
                values.get(SCANNER_MAX_FILE_SIZE), values.get(SCANNER_RETRY_DELAY));
    }

    /** Where clamd listens (scanner.clamd); relative Unix socket paths are resolved. */
    public ClamdLocation clamd() {
        return clamd;
    }

    /** Longest wait for clamd to connect, take data or answer (scanner.timeout). */
    public Duration timeout() {
        return timeout;
    }

    /** The largest file the scanner accepts, in bytes; a larger one is unscannable (scanner.maxFileSize). */
    public long maxFileSize() {
        return maxFileSize;
    }

    /** How long a mail waits before its next scan while clamd gives no verdict; doubled at each attempt (scanner.retryDelay). */
    public Duration retryDelay() {
        return retryDelay;
    }

    @Override
    public String toString() {
        return "ScannerSettings[clamd=" + clamd + ", timeout=" + DurationParser.format(timeout)
                + ", maxFileSize=" + SizeParser.format(maxFileSize) + ", retryDelay=" + DurationParser.format(retryDelay) + "]";
    }
}
