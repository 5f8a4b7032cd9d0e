package org.smg.gateway.smtp;

import javax.inject.Inject;

import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.MailHook;
import org.smg.gateway.quota.DataDirectorySpace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses new mail at MAIL, on every SMTP port, with {@code 452 4.3.1 Insufficient system storage} while the data
 * directory's disk has less than {@code storage.minFreeSpace} free. A 4xx: the sender keeps the mail and tries
 * later. Mail already accepted is untouched: it stays in the queue and is delivered with the space kept free.
 */
public final class EnoughDiskSpace implements MailHook {
    private static final Logger LOGGER = LoggerFactory.getLogger(EnoughDiskSpace.class);

    private final DataDirectorySpace space;

    @Inject
    public EnoughDiskSpace(DataDirectorySpace space) {
        this.space = space;
    }

    @Override
    public HookResult doMail(SMTPSession session, MaybeSender sender) {
        if (!space.belowMinimum()) {
            return HookResult.DECLINED;
        }
        LOGGER.warn("session {}: MAIL refused, the data directory has less free space than storage.minFreeSpace",
            session.getSessionID());
        return HookResult.builder()
            .hookReturnCode(HookReturnCode.denySoft())
            .smtpReturnCode("452")
            .smtpDescription("4.3.1 Insufficient system storage; try again later")
            .build();
    }
}
