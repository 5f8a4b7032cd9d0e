package org.smg.gateway.provisioning;

import javax.inject.Inject;

import org.apache.james.domainlist.api.DomainList;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.utils.GuiceProbe;

/** Gives start-up code the running server's users and domains. */
public final class GatewayProbe implements GuiceProbe {
    private final UsersRepository users;
    private final DomainList domains;

    @Inject
    public GatewayProbe(UsersRepository users, DomainList domains) {
        this.users = users;
        this.domains = domains;
    }

    public UsersRepository users() {
        return users;
    }

    public DomainList domains() {
        return domains;
    }
}
