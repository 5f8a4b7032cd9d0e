package org.smg.bench;

import java.time.Duration;
import java.util.Properties;

import javax.mail.Folder;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Store;

/**
 * Counts the messages in a user's INBOX over IMAP, the way a mail client would see them arrive:
 * a message counts once the server reports it in the mailbox. Logs in once before the load, so the
 * login (a deliberately slow password hash on the gateway) is not part of the measured time; then
 * asks STATUS INBOX (MESSAGES) every 100 ms.
 */
final class ImapCounter implements AutoCloseable {
    private static final long POLL_MILLIS = 100;

    private final String protocol;
    private final int port;
    private final String user;
    private final String password;
    private Store store;

    /** @param protocol "imap" or "imaps" (implicit TLS) */
    ImapCounter(String protocol, int port, String user, String password) {
        this.protocol = protocol;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    void connect() throws MessagingException {
        Properties properties = new Properties();
        String prefix = "mail." + protocol + ".";
        properties.put(prefix + "connectiontimeout", "10000");
        properties.put(prefix + "timeout", "60000");
        // Benchmark only: the gateway under test uses a self-signed certificate made at start-up.
        properties.put(prefix + "ssl.trust", "*");
        properties.put(prefix + "ssl.checkserveridentity", "false");
        store = Session.getInstance(properties).getStore(protocol);
        store.connect("127.0.0.1", port, user, password);
    }

    int count() throws MessagingException {
        if (!store.isConnected()) {
            store.connect("127.0.0.1", port, user, password);
        }
        // A closed folder answers getMessageCount() with a fresh STATUS from the server.
        Folder inbox = store.getFolder("INBOX");
        return inbox.getMessageCount();
    }

    /**
     * Polls until the INBOX holds at least {@code expected} messages. Fails when the count has not
     * moved for {@code stall}, or when {@code deadlineNanos} (System.nanoTime) has passed.
     */
    void awaitCount(int expected, Duration stall, long deadlineNanos) throws Exception {
        int last = -1;
        long lastChange = System.nanoTime();
        while (true) {
            int count = count();
            long now = System.nanoTime();
            if (count >= expected) {
                return;
            }
            if (count != last) {
                last = count;
                lastChange = now;
            }
            if (now - lastChange > stall.toNanos()) {
                throw new IllegalStateException("only " + count + " of " + expected + " messages arrived; none more for "
                    + stall.toSeconds() + " s");
            }
            if (now > deadlineNanos) {
                throw new IllegalStateException("only " + count + " of " + expected + " messages arrived before the time-out");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    @Override
    public void close() throws MessagingException {
        if (store != null) {
            store.close();
        }
    }
}
