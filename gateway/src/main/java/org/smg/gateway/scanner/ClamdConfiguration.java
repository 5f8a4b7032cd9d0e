package org.smg.gateway.scanner;

import java.nio.file.Path;

/**
 * The clamd.conf of the embedded clamd: its own socket, database and temporary directory, in the
 * foreground so the gateway owns the process, and limits consistent with scanner.maxFileSize so that
 * anything clamd cannot scan whole is reported (AlertExceedsMax, AlertEncrypted*) instead of passing.
 */
final class ClamdConfiguration {

    /** clamd keeps sizes in 32 bits; MaxScanSize (all content of an archive) is capped below that. */
    static final long MAX_SCAN_SIZE_CAP = 4000L << 20;

    private ClamdConfiguration() {
    }

    static String render(Path socket, Path database, Path temporary, Path pidFile, long maxFileSize) {
        long scanSize = Math.min(Math.multiplyExact(maxFileSize, 4), MAX_SCAN_SIZE_CAP);
        return String.join("\n",
            "# Written by the gateway at each start; edits are lost. See docs/admin-guide.md, scanner.*",
            "Foreground yes",
            "LocalSocket " + socket,
            "LocalSocketMode 600",
            "DatabaseDirectory " + database,
            "TemporaryDirectory " + temporary,
            "PidFile " + pidFile,
            "LogTime yes",
            "LogVerbose no",
            "StreamMaxLength " + maxFileSize,
            "MaxFileSize " + maxFileSize,
            "MaxScanSize " + scanSize,
            "AlertExceedsMax yes",
            "AlertEncrypted yes",
            "AlertEncryptedArchive yes",
            "AlertEncryptedDoc yes",
            "ConcurrentDatabaseReload no",
            "") ;
    }
}
