package org.smg.gateway.web.mail;

import javax.inject.Inject;

/** What the web view's mail pages need from the rest of the gateway, in one injectable piece. */
public final class MailServices {
    private final MailSessions sessions;
    private final WebMailbox mailbox;
    private final AttachmentDownloads downloads;

    @Inject
    public MailServices(MailSessions sessions, WebMailbox mailbox, AttachmentDownloads downloads) {
        this.sessions = sessions;
        this.mailbox = mailbox;
        this.downloads = downloads;
    }

    public MailSessions sessions() {
        return sessions;
    }

    public WebMailbox mailbox() {
        return mailbox;
    }

    public AttachmentDownloads downloads() {
        return downloads;
    }
}
