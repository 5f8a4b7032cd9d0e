package org.smg.gateway.smtp;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.CommandHandler;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPSession;
import org.smg.gateway.maintenance.Downtime;
import org.smg.gateway.maintenance.Maintenance;

/**
 * Submission ports, during a maintenance window: the AUTH command is answered {@code 421 4.3.2 Down for maintenance
 * until <end>} and the connection closed (RFC 5321 4.2.3: the service is not available). Placed after
 * {@link AuthAfterStartTls} and before James's {@code AuthCmdHandler}, so no credential is decoded, let alone
 * checked: a mail client shows the server's text and keeps the stored password, as it would not after a 535.
 *
 * <p>AUTH is the citizen's login, so the refusal sits there rather than in the greeting: a connection opened before
 * the window is refused as well, and the relay port (staff mail, accepted during a window) is untouched.
 */
public final class MaintenanceAuthRefusal implements CommandHandler<SMTPSession> {
    private final Maintenance maintenance;

    @Inject
    public MaintenanceAuthRefusal(Maintenance maintenance) {
        this.maintenance = maintenance;
    }

    @Override
    public Response onCommand(SMTPSession session, Request request) {
        Optional<Downtime> downtime = maintenance.now();
        if (downtime.isEmpty()) {
            return null;
        }
        SMTPResponse closing = new SMTPResponse("421", downtime.get().smtpRefusal());
        closing.setEndSession(true);
        return closing;
    }

    @Override
    public Collection<String> getImplCommands() {
        return Set.of("AUTH");
    }
}
