package org.smg.gateway.imap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLSession;

import org.apache.james.imap.api.ImapSessionState;
import org.apache.james.imap.api.message.response.ImapResponseMessage;
import org.apache.james.imap.api.process.ImapLineHandler;
import org.apache.james.imap.api.process.ImapProcessor.Responder;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.api.process.SelectedMailbox;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.protocols.api.OidcSASLConfiguration;

import reactor.core.publisher.Mono;

/**
 * A login that James checks but does not complete: James's authentication runs against this view
 * of the session, which holds back the switch to the authenticated state and every response, so
 * that the account's state can still refuse a login whose password James accepted. James 3.8.1
 * authenticates the session before it answers, and has no way back to the non-authenticated state.
 */
final class HeldLogin {
    private final ImapSession real;
    private final Responder responder;
    private final List<ImapResponseMessage> held = new ArrayList<>();
    private final Session session = new Session();
    private boolean authenticated;

    HeldLogin(ImapSession real, Responder responder) {
        this.real = real;
        this.responder = responder;
    }

    ImapSession session() {
        return session;
    }

    Responder responder() {
        return new Responder() {
            @Override
            public void respond(ImapResponseMessage message) {
                held.add(message);
            }

            @Override
            public void flush() {
                // the held responses are flushed when released
            }
        };
    }

    /** Whether James accepted the credentials. */
    boolean authenticated() {
        return authenticated;
    }

    /** Lets James's outcome stand: the session becomes authenticated if James said so, and James's answers go out. */
    void release() {
        if (authenticated) {
            real.authenticated();
        }
        held.forEach(responder::respond);
        responder.flush();
    }

    /** Drops James's outcome: the session stays non-authenticated, without the mailbox session James made, and nothing was answered. */
    void discard() {
        real.setMailboxSession(null);
        held.clear();
    }

    /** The real session, but for the state change to authenticated, which is recorded here. */
    private final class Session implements ImapSession {
        @Override
        public void authenticated() {
            authenticated = true;
        }

        @Override
        public ImapSessionState getState() {
            return authenticated ? ImapSessionState.AUTHENTICATED : real.getState();
        }

        // James's Netty session keeps the mailbox session in a field of its own, not in an attribute.
        @Override
        public void setMailboxSession(MailboxSession mailboxSession) {
            real.setMailboxSession(mailboxSession);
        }

        @Override
        public MailboxSession getMailboxSession() {
            return real.getMailboxSession();
        }

        @Override
        public SessionId sessionId() {
            return real.sessionId();
        }

        @Override
        public void executeSafely(Runnable runnable) {
            real.executeSafely(runnable);
        }

        @Override
        public Mono<Void> logout() {
            return real.logout();
        }

        @Override
        public Mono<Void> selected(SelectedMailbox mailbox) {
            return real.selected(mailbox);
        }

        @Override
        public Mono<Void> deselect() {
            return real.deselect();
        }

        @Override
        public SelectedMailbox getSelected() {
            return real.getSelected();
        }

        @Override
        public Object getAttribute(String key) {
            return real.getAttribute(key);
        }

        @Override
        public void setAttribute(String key, Object value) {
            real.setAttribute(key, value);
        }

        @Override
        public boolean startTLS(Runnable runnable) {
            return real.startTLS(runnable);
        }

        @Override
        public boolean isTLSActive() {
            return real.isTLSActive();
        }

        @Override
        public boolean supportStartTLS() {
            return real.supportStartTLS();
        }

        @Override
        public Optional<SSLSession> getSSLSession() {
            return real.getSSLSession();
        }

        @Override
        public boolean isCompressionActive() {
            return real.isCompressionActive();
        }

        @Override
        public boolean isCompressionSupported() {
            return real.isCompressionSupported();
        }

        @Override
        public boolean startCompression(Runnable runnable) {
            return real.startCompression(runnable);
        }

        @Override
        public void pushLineHandler(ImapLineHandler lineHandler) {
            real.pushLineHandler(lineHandler);
        }

        @Override
        public void popLineHandler() {
            real.popLineHandler();
        }

        @Override
        public boolean supportMultipleNamespaces() {
            return real.supportMultipleNamespaces();
        }

        @Override
        public boolean isSSLRequired() {
            return real.isSSLRequired();
        }

        @Override
        public boolean isPlainAuthEnabled() {
            return real.isPlainAuthEnabled();
        }

        @Override
        public boolean supportsOAuth() {
            return real.supportsOAuth();
        }

        @Override
        public Optional<OidcSASLConfiguration> oidcSaslConfiguration() {
            return real.oidcSaslConfiguration();
        }

        @Override
        public void schedule(Runnable runnable, Duration waitDelay) {
            real.schedule(runnable, waitDelay);
        }

        @Override
        public boolean needsCommandInjectionDetection() {
            return real.needsCommandInjectionDetection();
        }

        @Override
        public void startDetectingCommandInjection() {
            real.startDetectingCommandInjection();
        }

        @Override
        public void stopDetectingCommandInjection() {
            real.stopDetectingCommandInjection();
        }
    }
}
