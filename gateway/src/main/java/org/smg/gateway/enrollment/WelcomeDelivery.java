package org.smg.gateway.enrollment;

import org.smg.policies.model.Program;

/** Places a program's welcome message in a newly registered citizen's INBOX, from the program's staff address. */
public interface WelcomeDelivery {
    void deliver(Account account, Program program) throws Exception;
}
