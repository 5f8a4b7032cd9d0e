package org.smg.gateway.web;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.annotation.PreDestroy;
import javax.inject.Inject;
import javax.net.ssl.SSLContext;

import org.apache.james.lifecycle.api.Startable;
import org.apache.james.user.api.UsersRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smg.gateway.audit.AuditTrail;
import org.smg.gateway.auth.LoginGate;
import org.smg.gateway.enrollment.AccountSessions;
import org.smg.gateway.enrollment.Enrollment;
import org.smg.gateway.maintenance.Maintenance;
import org.smg.gateway.secondfactor.AppPasswords;
import org.smg.gateway.secondfactor.SecondFactors;
import org.smg.gateway.tls.TlsProtocols;
import org.smg.gateway.web.mail.MailServices;
import org.smg.policies.settings.GatewaySettings;
import org.xnio.Options;
import org.xnio.Sequence;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;

/**
 * The citizen web server: HTTPS only, on the web port and bind address, with the certificate and
 * the TLS versions and suites of the mail ports. Undertow's core, no servlet layer: routes are
 * plain handlers, every page runs on a worker thread behind {@link GuardedHandler}, every
 * response carries the {@link SecurityHeaders}; during a maintenance window every page but the static assets is the
 * {@link MaintenancePage}.
 *
 * <p>Limits: request headers 16 KiB, forms 16 KiB, any body 64 KiB ({@link FormBody}) except on the compose routes, which raise it
 * per request to the attachment policy's message size once the session is known ({@link ComposePages}), a request must arrive within 10 s and an idle
 * connection closes after 60 s, so slow or huge requests cannot hold the server. HTTP/2 is off.
 */
public final class CitizenWebServer implements Startable {
    private static final Logger LOGGER = LoggerFactory.getLogger(CitizenWebServer.class);
    static final int MAX_HEADER_BYTES = 16 * 1024;
    static final int REQUEST_PARSE_MILLIS = 10_000;
    static final int IDLE_MILLIS = 60_000;
    private static final int IO_THREADS = 1;
    /** Blocked workers are cheap; password checks may hold half of them ({@link PasswordCheck#CONCURRENT_CHECKS}). */
    static final int WORKER_THREADS = 32;

    private final GatewaySettings settings;
    private final SSLContext tls;
    private final HttpHandler handler;
    private final WebSessions sessions;
    private Undertow server;
    private ScheduledExecutorService sweeper;

    @Inject
    CitizenWebServer(WebListener listener, Enrollment enrollment, UsersRepository users, LoginGate gate, AuditTrail audit,
                     AccountSessions accountSessions, Maintenance maintenance, SecondFactors secondFactors, AppPasswords appPasswords,
                     ComposeServices compose, MailServices mail) {
        this.settings = listener.settings();
        this.tls = listener.tls();
        this.sessions = new WebSessions(accountSessions, Clock.systemUTC(), SessionTimeouts.of(settings));
        RoutingHandler routes = routes(settings, enrollment, users, gate, audit, sessions, secondFactors, appPasswords, mail);
        compose.register(routes, enrollment, new Pages(), new Visit(sessions));
        this.handler = new SecurityHeaders(new MaintenancePage(maintenance, new Pages(), routes));
    }

    static RoutingHandler routes(GatewaySettings settings, Enrollment enrollment, UsersRepository users, LoginGate gate, AuditTrail audit,
                                 WebSessions sessions, SecondFactors secondFactors, AppPasswords appPasswords, MailServices mail) {
        Pages pages = new Pages();
        Visit visit = new Visit(sessions);
        SignedIn signedIn = new SignedIn(enrollment, pages, visit);
        OneTimeLinks links = new OneTimeLinks(enrollment, pages);
        RegistrationPages registration = new RegistrationPages(enrollment, links, pages, visit);
        ResetPages reset = new ResetPages(enrollment, links, pages, visit);
        SecondFactorSignIn secondFactorSignIn = new SecondFactorSignIn(enrollment, secondFactors, audit, pages, visit, Clock.systemUTC());
        PasswordCheck passwords = new PasswordCheck(users, gate);
        SignInPages signIn = new SignInPages(enrollment, passwords, audit, pages, visit, secondFactorSignIn);
        SettingsPages settingsPages = new SettingsPages(secondFactors, appPasswords, settings, pages, visit, signedIn,
            new PasswordConfirmation(passwords, audit));
        TermsPages terms = new TermsPages(enrollment, pages, visit, signedIn);
        AccountPages account = new AccountPages(enrollment, settings, pages, visit, signedIn, secondFactors);
        EmailChangePages emailChange = new EmailChangePages(enrollment, links, pages, visit);
        MailPages mailPages = new MailPages(enrollment, mail, pages, visit, signedIn);
        RoutingHandler routes = new RoutingHandler(false)
            .get("/", new GuardedHandler("home", account::home, pages))
            .get("/register/{token}", new GuardedHandler("register", registration::show, pages))
            .post("/register/{token}", new GuardedHandler("register", registration::submit, pages))
            .get("/reset/{token}", new GuardedHandler("reset", reset::show, pages))
            .post("/reset/{token}", new GuardedHandler("reset", reset::submit, pages))
            .get("/signin", new GuardedHandler("signin", signIn::show, pages))
            .post("/signin", new GuardedHandler("signin", signIn::submit, pages))
            .get("/signout", new GuardedHandler("signout", signIn::confirmSignOut, pages))
            .post("/signout", new GuardedHandler("signout", signIn::signOut, pages))
            .get("/terms", new GuardedHandler("terms", terms::show, pages))
            .post("/terms", new GuardedHandler("terms", terms::submit, pages))
            .get("/account", new GuardedHandler("account", account::show, pages))
            .post("/account/password", new GuardedHandler("password", account::changePassword, pages))
            .post("/account/email", new GuardedHandler("email", account::changeEmail, pages))
            .get("/email/{token}", new GuardedHandler("email-confirm", emailChange::show, pages))
            .post("/email/{token}", new GuardedHandler("email-confirm", emailChange::submit, pages))
            .get("/account/opt-out", new GuardedHandler("opt-out", account::confirmOptOut, pages))
            .post("/account/opt-out", new GuardedHandler("opt-out", account::optOut, pages))
            .get(SecondFactorSignIn.PATH, new GuardedHandler("signin-second-factor", secondFactorSignIn::show, pages))
            .post(SecondFactorSignIn.PATH, new GuardedHandler("signin-second-factor", secondFactorSignIn::submit, pages))
            .get("/account/second-factor", new GuardedHandler("second-factor", settingsPages::showSecondFactor, pages))
            .post("/account/second-factor", new GuardedHandler("second-factor", settingsPages::confirmSecondFactor, pages))
            .get("/account/second-factor/qr", new GuardedHandler("second-factor-qr", settingsPages::qrCode, pages))
            .post("/account/second-factor/disable", new GuardedHandler("second-factor-disable", settingsPages::disableSecondFactor, pages))
            .get("/account/app-passwords", new GuardedHandler("app-passwords", settingsPages::showAppPasswords, pages))
            .post("/account/app-passwords", new GuardedHandler("app-passwords", settingsPages::createAppPassword, pages))
            .post("/account/app-passwords/{id}/revoke", new GuardedHandler("app-password-revoke", settingsPages::revokeAppPassword, pages))
            .get("/account/mail-clients", new GuardedHandler("mail-clients", settingsPages::showMailClients, pages))
            .get("/mail", new GuardedHandler("mail", mailPages::inbox, pages))
            .get("/mail/folder/{folder}", new GuardedHandler("mail-folder", mailPages::folder, pages))
            .get("/mail/search", new GuardedHandler("mail-search", mailPages::search, pages))
            .get("/mail/message/{folder}/{uid}", new GuardedHandler("mail-message", mailPages::message, pages))
            .post("/mail/message/{folder}/{uid}/remote", new GuardedHandler("mail-remote", mailPages::remoteContent, pages))
            .get("/mail/message/{folder}/{uid}/part/{part}", new GuardedHandler("mail-part", mailPages::part, pages))
            .post("/mail/move", new GuardedHandler("mail-move", mailPages::move, pages))
            .post("/mail/delete", new GuardedHandler("mail-delete", mailPages::delete, pages))
            .post("/mail/switch", new GuardedHandler("mail-switch", mailPages::switchInbox, pages))
            .get(StaticFile.STYLE_SHEET.path(), StaticFile.STYLE_SHEET)
            .get(StaticFile.PAPERCLIP.path(), StaticFile.PAPERCLIP);
        routes.setFallbackHandler(new GuardedHandler("not-found", exchange -> pages.message(exchange, 404, "Page not found",
            "There is no page at this address.", "/", "Go to the start page"), pages));
        routes.setInvalidMethodHandler(new GuardedHandler("method", exchange -> pages.message(exchange, 405, "Method not allowed",
            "This page cannot be used with " + exchange.getRequestMethod() + ".", "/", "Go to the start page"), pages));
        return routes;
    }

    public synchronized void start() {
        String host = settings.bindAddress().getHostAddress();
        server = Undertow.builder()
            .addHttpsListener(settings.webPort(), host, tls)
            .setIoThreads(IO_THREADS)
            .setWorkerThreads(WORKER_THREADS)
            .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, (long) FormBody.DRAIN_LIMIT)
            .setServerOption(UndertowOptions.MAX_HEADER_SIZE, MAX_HEADER_BYTES)
            .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, REQUEST_PARSE_MILLIS)
            .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, IDLE_MILLIS)
            .setServerOption(UndertowOptions.ENABLE_HTTP2, false)
            .setSocketOption(Options.SSL_ENABLED_PROTOCOLS, Sequence.of(TlsProtocols.PROTOCOLS))
            .setSocketOption(Options.SSL_ENABLED_CIPHER_SUITES, Sequence.of(TlsProtocols.CIPHER_SUITES))
            .setHandler(handler)
            .build();
        server.start();
        sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "web-session-sweep");
            thread.setDaemon(true);
            return thread;
        });
        long every = WebSessions.SWEEP_INTERVAL.toMillis();
        sweeper.scheduleWithFixedDelay(this::sweepSessions, every, every, TimeUnit.MILLISECONDS);
        LOGGER.info("citizen web server listening on https://{}:{}", host, settings.webPort());
    }

    private void sweepSessions() {
        try {
            sessions.sweep();
        } catch (RuntimeException e) {
            // A failed sweep must not cancel the timer: the next one tries again.
            LOGGER.warn("web session sweep failed: {}", e.toString());
        }
    }

    @PreDestroy
    public synchronized void stop() {
        if (sweeper != null) {
            sweeper.shutdownNow();
            sweeper = null;
        }
        if (server != null) {
            server.stop();
            server = null;
            LOGGER.info("citizen web server stopped");
        }
    }
}
