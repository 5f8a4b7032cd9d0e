package org.smg.gateway.secrets;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A secret file that its owner's group or other users may read or write: refused, as OpenSSH
 * refuses an unprotected private key, because a secret others can read is no longer a secret.
 * The message names the file, its mode and the command that fixes it.
 */
public final class UnprotectedSecretFileException extends IOException {
    UnprotectedSecretFileException(Path file, String mode) {
        super("secret file " + file + " has mode " + mode + ", which lets its group or other users read or change it;"
            + " a secret file must be private to its owner: chmod 600 " + file);
    }
}
