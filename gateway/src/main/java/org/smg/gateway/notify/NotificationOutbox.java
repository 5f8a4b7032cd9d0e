package org.smg.gateway.notify;

import org.smg.gateway.enrollment.Account;

/** Sends one notification to a citizen's external address. */
interface NotificationOutbox {
    void send(Account account) throws Exception;
}
