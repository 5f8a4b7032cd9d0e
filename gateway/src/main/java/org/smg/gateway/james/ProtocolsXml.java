package org.smg.gateway.james;

import java.net.InetAddress;

import org.smg.gateway.smtp.ActiveRecipientsOnly;
import org.smg.gateway.smtp.AttachmentGate;
import org.smg.gateway.smtp.AuthAfterStartTls;
import org.smg.gateway.smtp.AuthenticationRequired;
import org.smg.gateway.smtp.AuthorIsLoggedInUser;
import org.smg.gateway.smtp.ConsentAllowsSending;
import org.smg.gateway.smtp.CitizenRecipientsOnly;
import org.smg.gateway.smtp.EnoughDiskSpace;
import org.smg.gateway.smtp.GatedAuthentication;
import org.smg.gateway.smtp.GatewayCoreHandlers;
import org.smg.gateway.smtp.StaffRecipients;
import org.smg.gateway.smtp.MailboxNotFull;
import org.smg.gateway.smtp.MaintenanceAuthRefusal;
import org.smg.gateway.smtp.RelayAuthGate;
import org.smg.gateway.smtp.RelayAuthentication;
import org.smg.gateway.smtp.RelayTlsRequired;
import org.smg.gateway.smtp.StaffAuthorAgrees;
import org.smg.gateway.smtp.StaffRelayAllowList;
import org.smg.gateway.smtp.StaffSenderDomainOnly;
import org.smg.gateway.smtp.SubmissionCoreHandlers;
import org.smg.gateway.smtp.TooManyRecipients;
import org.smg.gateway.tls.ServerIdentity;
import org.smg.policies.settings.GatewaySettings;
import org.smg.policies.settings.Limits;

/**
 * Generates James's {@code smtpserver} and {@code imapserver} documents from the gateway settings.
 * Hardening lives here, not in an editable file: no trusted networks on submission, AUTH only
 * after TLS, every protocol limit James offers set. Our handlers get their settings from Guice
 * ({@code SmtpPolicyModule}), not from this XML. They are listed before James's core handlers, which
 * James appends to the chain: a command handler of ours (AUTH) then answers before James's own.
 */
final class ProtocolsXml {
    private static final int SMTP_TIMEOUT_SECONDS = 300;
    private static final int IMAP_TIMEOUT_SECONDS = 1800;

    private final GatewaySettings settings;
    private final ServerIdentity identity;

    ProtocolsXml(GatewaySettings settings, ServerIdentity identity) {
        this.settings = settings;
        this.identity = identity;
    }

    String smtp() {
        return new Xml().open("smtpservers")
            .raw(relay())
            .raw(submission("smtp-submission", settings.submissionPort(), false))
            .raw(submission("smtps", settings.smtpsPort(), true))
            .close("smtpservers").toString();
    }

    String imap() {
        return new Xml().open("imapservers")
            .raw(imapServer("imap", settings.imapPort(), false))
            .raw(imapServer("imaps", settings.imapsPort(), true))
            .close("imapservers").toString();
    }

    /**
     * Port for the staff MTA: allow-listed addresses, TLS before MAIL for the clients relay.requireTls
     * covers, AUTH refused unless relay.auth (then after TLS only, against the relay accounts), senders and From: in the staff sender
     * domains (routing.yaml), local domains only (a citizen's registered external address: see {@link StaffRecipients}).
     */
    private Xml relay() {
        Xml handlers = new Xml()
            .raw(handler(StaffRelayAllowList.class))
            .raw(handler(RelayAuthGate.class))
            .raw(handler(RelayTlsRequired.class))
            .raw(handler(RelayAuthentication.class))
            .raw(handler(StaffSenderDomainOnly.class))
            .raw(handler(StaffAuthorAgrees.class))
            .raw(commonHandlers(StaffRecipients.class, GatewayCoreHandlers.class));
        return smtpServer("smtp-relay", settings.relayPort(), false, settings.relayAuth() ? "always" : "never", false,
            handlers, GatewayCoreHandlers.class);
    }

    /**
     * Ports for citizens' mail clients (RFC 6409 / RFC 8314): AUTH required, only after TLS, refused during a
     * maintenance window; From: is the user; recipients are topic and reply addresses only.
     */
    private Xml submission(String name, int port, boolean implicitTls) {
        Xml handlers = new Xml()
            .raw(handler(AuthAfterStartTls.class))
            .raw(handler(MaintenanceAuthRefusal.class))
            .raw(handler(AuthenticationRequired.class))
            .raw(handler(ConsentAllowsSending.class))
            .raw(handler(AuthorIsLoggedInUser.class))
            .raw(commonHandlers(CitizenRecipientsOnly.class, SubmissionCoreHandlers.class));
        return smtpServer(name, port, implicitTls, "always", true, handlers, SubmissionCoreHandlers.class);
    }

    private static Xml handler(Class<?> type) {
        return new Xml().open("handler", "class", type.getName()).close("handler");
    }

    /**
     * {@link GatedAuthentication} comes before James's own AUTH hook (in James's core handlers, {@link GatewayCoreHandlers})
     * and answers every AUTH; {@link AttachmentGate} comes before James's own message hook, which queues the mail.
     * {@code recipientRule} is the port's first say on a recipient, after the recipient limit.
     */
    private static Xml commonHandlers(Class<?> recipientRule, Class<?> coreHandlers) {
        return new Xml()
            .raw(handler(GatedAuthentication.class))
            .raw(handler(EnoughDiskSpace.class))
            .raw(handler(TooManyRecipients.class))
            .raw(handler(recipientRule))
            .raw(handler(ActiveRecipientsOnly.class))
            .raw(handler(MailboxNotFull.class))
            .raw(handler(AttachmentGate.class))
            .open("handler", "class", "org.apache.james.smtpserver.fastfail.ValidRcptHandler").close("handler")
            .raw(handler(coreHandlers));
    }

    private Xml smtpServer(String name, int port, boolean implicitTls, String authAnnounce, boolean verifyIdentity,
                           Xml handlers, Class<?> coreHandlers) {
        Limits limits = settings.limits();
        return listener("smtpserver", name, port, implicitTls)
            .element("connectiontimeout", SMTP_TIMEOUT_SECONDS)
            .open("auth")
            .element("announce", authAnnounce)
            .element("requireSSL", true)
            .element("plainAuthEnabled", true)
            .close("auth")
            .element("verifyIdentity", verifyIdentity)
            .element("maxmessagesize", Math.max(1, limits.maxMessageSize() / 1024))
            .element("addressBracketsEnforcement", true)
            .element("heloEhloEnforcement", true)
            .element("smtpGreeting", settings.hostname() + " secure messaging gateway")
            .element("gracefulShutdown", false)
            // No JMX monitors: the gateway exposes no JMX, and James's connect-handler monitor throws a
            // NullPointerException (451 to the client) when a connect handler lets a client pass with null.
            // James appends its core handlers package unless the chain names one: ours, with the encrypted DATA spool.
            .open("handlerchain", "enableJmx", "false", "coreHandlersPackage", coreHandlers.getName())
            .raw(handlers).close("handlerchain")
            .close("smtpserver");
    }

    private Xml imapServer(String name, int port, boolean implicitTls) {
        Limits limits = settings.limits();
        return listener("imapserver", name, port, implicitTls)
            .element("timeout", IMAP_TIMEOUT_SECONDS)
            .element("plainAuthDisallowed", true)
            .open("auth")
            .element("requireSSL", true)
            .element("plainAuthEnabled", true)
            .close("auth")
            .element("compress", false)
            .element("maxLineLength", limits.imapMaxLineLength())
            .element("literalSizeLimit", limits.imapLiteralSizeLimit())
            .element("inMemorySizeLimit", Math.min(limits.imapLiteralSizeLimit(), 10L * 1024 * 1024))
            .element("concurrentRequests", 20)
            // James answers NO inside another answer when this shared queue is full; each encrypted
            // connection has at most one command in it (CommandWindow), so it never fills from those.
            .element("maxQueueSize", Math.max(limits.connections(), 20))
            .element("gracefulShutdown", false)
            .close("imapserver");
    }

    /** Opens a listener element with what every port shares: address, TLS, greeting name, connection limits. */
    private Xml listener(String element, String name, int port, boolean implicitTls) {
        Limits limits = settings.limits();
        return new Xml().open(element, "enabled", "true")
            .element("jmxName", name)
            .element("bind", bind(port))
            .element("connectionBacklog", 200)
            .raw(TlsXml.tls(identity, implicitTls))
            .open("helloName", "autodetect", "false").text(settings.hostname()).close("helloName")
            .element("connectionLimit", limits.connections())
            .element("connectionLimitPerIP", limits.connectionsPerIp());
    }

    private String bind(int port) {
        InetAddress address = settings.bindAddress();
        String host = address.getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
