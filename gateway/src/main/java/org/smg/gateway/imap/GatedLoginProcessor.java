package org.smg.gateway.imap;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.apache.james.imap.api.ImapConfiguration;
import org.apache.james.imap.api.ImapMessage;
import org.apache.james.imap.api.display.HumanReadableText;
import org.apache.james.imap.api.message.request.ImapRequest;
import org.apache.james.imap.api.process.ImapProcessor;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.api.ImapSessionState;
import org.apache.james.imap.message.request.AuthenticateRequest;
import org.apache.james.imap.message.request.IRAuthenticateRequest;
import org.apache.james.imap.message.request.LoginRequest;
import org.apache.james.imap.message.response.UnpooledStatusResponseFactory;
import org.smg.gateway.auth.LoginGate;
import org.smg.gateway.auth.LoginGate.Admission;

import reactor.core.publisher.Mono;

/**
 * Puts IMAP LOGIN and AUTHENTICATE through the {@link LoginGate} before James's processors ask the
 * users repository, so before any password is hashed. The wait is a scheduled completion, not a
 * sleeping thread. An attempt the gate refuses gets the very answer of a wrong password.
 *
 * <p>AUTHENTICATE without an initial response ends in a continuation line that James handles out
 * of the processor chain; its admission is held until the session's next command (the login then
 * shows in the session state) or until the gate's hold limit.
 */
final class GatedLoginProcessor implements ImapProcessor {
    private static final String HELD_ADMISSION = "org.smg.gateway.imap.heldAdmission";
    private static final InetAddress UNKNOWN = new InetSocketAddress(0).getAddress();

    private final ImapProcessor delegate;
    private final LoginGate gate;
    private final UnpooledStatusResponseFactory responses = new UnpooledStatusResponseFactory();

    GatedLoginProcessor(ImapProcessor delegate, LoginGate gate) {
        this.delegate = delegate;
        this.gate = gate;
    }

    @Override
    public Mono<Void> processReactive(ImapMessage message, Responder responder, ImapSession session) {
        // Deferred: James may hold a request back (one at a time per connection) before subscribing.
        return Mono.defer(() -> {
            settleHeldAdmission(session);
            if (!(message instanceof LoginRequest) && !(message instanceof AuthenticateRequest)) {
                return delegate.processReactive(message, responder, session);
            }
            ImapRequest request = (ImapRequest) message;
            // Never missing in practice (recorded on the first request); a session without one shares a single count.
            InetAddress client = ClientAddressRecorder.of(session).orElse(UNKNOWN);
            return Mono.fromFuture(gate.admit(client))
                .flatMap(admission -> admission.admitted()
                    ? delegate.processReactive(message, responder, session).doFinally(signal -> settle(admission, request, session))
                    : refuse(request, responder));
        });
    }

    private Mono<Void> refuse(ImapRequest request, Responder responder) {
        HumanReadableText failed = request instanceof LoginRequest ? HumanReadableText.INVALID_LOGIN : HumanReadableText.AUTHENTICATION_FAILED;
        return Mono.fromRunnable(() -> {
            responder.respond(responses.taggedNo(request.getTag(), request.getCommand(), failed));
            responder.flush();
        });
    }

    private static void settle(Admission admission, ImapRequest request, ImapSession session) {
        boolean authenticated = session.getState() == ImapSessionState.AUTHENTICATED;
        boolean continuationAwaited = request instanceof AuthenticateRequest && !(request instanceof IRAuthenticateRequest);
        if (!authenticated && continuationAwaited && session.getState() != ImapSessionState.LOGOUT) {
            session.setAttribute(HELD_ADMISSION, admission);
            return;
        }
        if (authenticated) {
            admission.succeeded();
        }
        admission.close();
    }

    private static void settleHeldAdmission(ImapSession session) {
        Admission held = (Admission) session.getAttribute(HELD_ADMISSION);
        if (held != null) {
            session.setAttribute(HELD_ADMISSION, null);
            if (session.getState() == ImapSessionState.AUTHENTICATED) {
                held.succeeded();
            }
            held.close();
        }
    }

    @Override
    public void configure(ImapConfiguration imapConfiguration) {
        delegate.configure(imapConfiguration);
    }
}
