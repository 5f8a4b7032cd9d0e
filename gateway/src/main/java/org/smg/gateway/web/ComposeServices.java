package org.smg.gateway.web;

import java.util.function.Supplier;

import javax.inject.Inject;

import org.apache.james.mailbox.MailboxManager;
import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.smg.gateway.attachments.MailInspection;
import org.smg.gateway.attachments.MailRules;
import org.smg.gateway.attachments.MessageInspector;
import org.smg.gateway.consent.Consents;
import org.smg.gateway.enrollment.Enrollment;
import org.smg.gateway.routing.CitizenRoutes;
import org.smg.gateway.web.mail.MailSessions;

import com.google.common.base.Suppliers;

import io.undertow.server.RoutingHandler;

/** The James and gateway services the compose pages write through, injected once and wired into the routes. */
final class ComposeServices {
    private final MailboxManager mailboxes;
    private final MessageInspector inspector;
    private final MailRules rules;
    private final MailInspection inspection;
    private final Consents consents;
    private final CitizenRoutes citizenRoutes;
    /** James's spool, the queue SMTP hands mail to; opened at the first send, once the queues are up. */
    private final Supplier<MailQueue> spool;
    private final MailSessions sessions;

    @Inject
    ComposeServices(MailboxManager mailboxes, MessageInspector inspector, MailRules rules, MailInspection inspection, Consents consents,
                    CitizenRoutes citizenRoutes, MailQueueFactory<?> queues, MailSessions sessions) {
        this.mailboxes = mailboxes;
        this.sessions = sessions;
        this.inspector = inspector;
        this.rules = rules;
        this.inspection = inspection;
        this.consents = consents;
        this.citizenRoutes = citizenRoutes;
        this.spool = Suppliers.memoize(() -> queues.createQueue(MailQueueFactory.SPOOL));
    }

    void register(RoutingHandler routes, Enrollment enrollment, Pages pages, Visit visit) {
        SignedIn signedIn = new SignedIn(enrollment, pages, visit);
        WebSubmission submission = new WebSubmission(enrollment, consents, citizenRoutes, inspection, spool);
        ComposePages compose = new ComposePages(pages, signedIn, visit, enrollment, sessions, new MailFolders(mailboxes),
            new ComposeAttachments(new UploadCheck(inspector, rules)), submission);
        routes.get("/compose", new GuardedHandler("compose", compose::show, pages))
            .get("/compose/reply/{folder}/{uid}", new GuardedHandler("compose-reply", compose::reply, pages))
            .post("/compose/upload", new GuardedHandler("compose-upload", compose::upload, pages))
            .post("/compose/remove", new GuardedHandler("compose-remove", compose::removeFile, pages))
            .post("/compose/send", new GuardedHandler("compose-send", compose::send, pages))
            .get("/compose/sent/{id}", new GuardedHandler("compose-sent", compose::sent, pages))
            .post("/compose/draft", new GuardedHandler("compose-draft", compose::saveDraft, pages))
            .get("/compose/draft/{uid}", new GuardedHandler("compose-draft-open", compose::openDraft, pages))
            .post("/compose/draft/{uid}", new GuardedHandler("compose-draft-replace", compose::replaceWithDraft, pages))
            .get(StaticFile.UPLOAD_SCRIPT.path(), StaticFile.UPLOAD_SCRIPT);
    }
}
