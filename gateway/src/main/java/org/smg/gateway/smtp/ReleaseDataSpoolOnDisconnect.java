package org.smg.gateway.smtp;

import org.apache.james.protocols.api.handler.DisconnectHandler;
import org.apache.james.protocols.smtp.SMTPSession;

/**
 * Deletes the encrypted spool of a DATA that a client left unfinished by closing the connection: the
 * end-of-data line never comes, so {@link EncryptedDataLineHandler} never hands the spool on, and
 * without this the file would stay under {@code <data>/tmp} until the session happened to be
 * garbage collected.
 */
public final class ReleaseDataSpoolOnDisconnect implements DisconnectHandler<SMTPSession> {
    @Override
    public void onDisconnect(SMTPSession session) {
        if (session != null) {
            EncryptedDataSpool.detach(session);
        }
    }
}
