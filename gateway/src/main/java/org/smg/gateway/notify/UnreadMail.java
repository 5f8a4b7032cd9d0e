package org.smg.gateway.notify;

/** Whether a citizen's INBOX holds mail not yet read (without the {@code \Seen} flag). */
interface UnreadMail {
    boolean inInbox(String address) throws Exception;
}
