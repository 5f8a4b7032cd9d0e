package org.smg.gateway.imap;

import java.net.InetAddress;
import java.sql.SQLException;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apache.james.imap.api.display.HumanReadableText;
import org.apache.james.imap.api.message.request.ImapRequest;
import org.apache.james.imap.api.process.ImapProcessor.Responder;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.message.request.LoginRequest;
import org.apache.james.imap.message.response.UnpooledStatusResponseFactory;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.exception.BadCredentialsException;
import org.apache.james.mailbox.exception.ForbiddenDelegationException;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.exception.UserDoesNotExistException;
import org.smg.gateway.audit.LoginProtocol;
import org.smg.gateway.auth.AccountLogins;
import org.smg.gateway.auth.AccountLogins.Decision;
import org.smg.gateway.consent.Consent;
import org.smg.gateway.consent.Consents;
import org.smg.gateway.consent.DelegatedSession;
import org.smg.gateway.enrollment.AccountSessions.Registration;
import org.smg.gateway.maintenance.Downtime;
import org.smg.gateway.maintenance.Maintenance;
import org.smg.mailets.audit.AuditException;

/**
 * The account's say in an IMAP login (LOGIN and AUTHENTICATE, with or without an initial
 * response): James checks the password as usual, through a {@link HeldLogin}; when it accepts
 * it, the account's state decides. Refused, the client gets {@code NO [AUTHORIZATIONFAILED]} (RFC
 * 5530) with what to do, and the session stays non-authenticated. Admitted, James's answer goes
 * out and the session is registered, to be ended (with a BYE) when the account is suspended,
 * opted out or its password changed. Every outcome is audited; a wrong password keeps James's
 * answer.
 *
 * <p>During a maintenance window every login is refused first, before the password is checked, with {@code NO
 * [UNAVAILABLE]} (RFC 5530: temporary) and the window's end: the window is no secret (the web pages show it to
 * anyone), no password is hashed for a login that could not go on anyway, and a client told "unavailable" keeps
 * the stored password instead of asking the citizen for a new one as it would after a failed check.
 */
final class AccountGate {
    /** James's own authentication, run against the held session and responder. */
    @FunctionalInterface
    interface JamesLogin {
        void run(ImapSession session, Responder responder);
    }

    /** A delegated session as James's processors open it; mirrors their (protected) supplier type. */
    @FunctionalInterface
    interface DelegatedSessionSupplier {
        MailboxSession get() throws MailboxException;
    }

    /** James's delegated authentication, run with a session supplier against the held session and responder. */
    @FunctionalInterface
    interface JamesDelegatedLogin {
        void run(DelegatedSessionSupplier supplier, ImapSession session, Responder responder);
    }

    private static final HumanReadableText UNAVAILABLE = new HumanReadableText("org.smg.gateway.imap.LOGIN_UNAVAILABLE",
        "[UNAVAILABLE] Login could not be completed now; try again later");

    private final AccountLogins logins;
    private final Maintenance maintenance;
    private final Consents consents;
    private final UnpooledStatusResponseFactory responses = new UnpooledStatusResponseFactory();

    AccountGate(AccountLogins logins, Maintenance maintenance, Consents consents) {
        this.logins = logins;
        this.maintenance = maintenance;
        this.consents = consents;
    }

    void login(ImapSession session, ImapRequest request, Responder responder, Username attempted, JamesLogin james) {
        Optional<Downtime> downtime = maintenance.now();
        if (downtime.isPresent()) {
            responder.respond(responses.taggedNo(request.getTag(), null,
                new HumanReadableText("org.smg.gateway.imap.MAINTENANCE", downtime.get().imapRefusal())));
            responder.flush();
            return;
        }
        HeldLogin held = new HeldLogin(session, responder);
        james.run(held.session(), held.responder());
        String client = ClientAddressRecorder.of(session).map(InetAddress::getHostAddress).orElse(null);
        if (!held.authenticated()) {
            held.release();
            logins.failed(LoginProtocol.IMAP, attempted == null ? null : attempted.asString(), client);
            return;
        }
        MailboxSession mailboxSession = session.getMailboxSession();
        Username proven = mailboxSession.getLoggedInUser().orElse(mailboxSession.getUser());
        try {
            Decision decision = logins.verified(LoginProtocol.IMAP, proven.asString(), client);
            Optional<Consent> consent = Optional.empty();
            if (decision.allowed() && !proven.equals(mailboxSession.getUser())) {
                // Delegation: the Authorizator found a consent; it is read again to name it in the trail (it may have just ended).
                consent = consents.validNow(proven.asString(), mailboxSession.getUser().asString());
                if (consent.isEmpty()) {
                    held.discard();
                    HumanReadableText failed = request instanceof LoginRequest ? HumanReadableText.INVALID_LOGIN : HumanReadableText.AUTHENTICATION_FAILED;
                    responder.respond(responses.taggedNo(request.getTag(), request.getCommand(), failed));
                    responder.flush();
                    return;
                }
                consents.used(consent.get(), "imap", client);
            }
            if (decision.allowed()) {
                held.release();
                register(session, proven);
                if (consent.isPresent()) {
                    DelegatedSession delegated = DelegatedSession.of(consent.get());
                    session.setAttribute(DelegatedSession.ATTRIBUTE, delegated);
                    register(session, mailboxSession.getUser());
                    // Under the consent too: a revocation or the consent's end then ends it even in IDLE.
                    ImapConnection.of(session).ifPresent(connection ->
                        connection.whenClosed(consents.opened(delegated, "imap", connection::end)::close));
                }
            } else {
                refuse(held, request, responder,
                    new HumanReadableText("org.smg.gateway.imap.AUTHORIZATIONFAILED", "[AUTHORIZATIONFAILED] " + decision.explanation()));
            }
        } catch (AccountLogins.Unavailable | SQLException | AuditException e) {
            refuse(held, request, responder, UNAVAILABLE);
        }
    }

    /** A delegated login; {@code citizen}, when known, is the account a failure is audited for. */
    void delegatedLogin(Username citizen, DelegatedSessionSupplier supplier, ImapSession session, ImapRequest request, Responder responder,
                        JamesDelegatedLogin james) {
        login(session, request, responder, citizen, (heldSession, heldResponder) -> james.run(() -> {
            try {
                return supplier.get();
            } catch (ForbiddenDelegationException | UserDoesNotExistException noConsent) {
                // A right password without a consent is answered like a wrong one: nothing tells a consent apart.
                throw new BadCredentialsException();
            }
        }, heldSession, heldResponder));
    }

    /** The citizen's mailbox opened with the representative's password, for the address as the consent recorded it. */
    DelegatedSessionSupplier consentedSession(MailboxManager mailboxManager, Username representative, Username citizen, String password) {
        return () -> mailboxManager.authenticate(representative, password).as(citizenAsRecorded(representative, citizen));
    }

    /**
     * The citizen's address as the consent of the representative recorded it (lower case), so that a delegated
     * session opens the one mailbox the consent names whatever the case typed; without a consent in force, the name
     * as given (the {@link org.apache.james.mailbox.Authorizator} then refuses it).
     */
    private Username citizenAsRecorded(Username representative, Username citizen) throws MailboxException {
        try {
            return consents.validNow(representative.asString(), citizen.asString())
                .map(consent -> Username.of(consent.citizen()))
                .orElse(citizen);
        } catch (SQLException e) {
            throw new MailboxException("consents could not be read", e);
        }
    }

    /**
     * The response code at the head of the text, and no command name: James 3.8.1 has no
     * AUTHORIZATIONFAILED code, and its encoder would write the command name between code and text.
     */
    private void refuse(HeldLogin held, ImapRequest request, Responder responder, HumanReadableText text) {
        held.discard();
        responder.respond(responses.taggedNo(request.getTag(), null, text));
        responder.flush();
    }

    private void register(ImapSession session, Username account) {
        ImapConnection.of(session).ifPresent(connection -> {
            Registration registration = logins.opened(LoginProtocol.IMAP, account.asString(), connection::end);
            connection.whenClosed(registration::close);
        });
    }
}
