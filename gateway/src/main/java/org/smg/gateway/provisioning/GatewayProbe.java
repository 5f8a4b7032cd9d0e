package org.smg.gateway.provisioning;

import javax.inject.Inject;

import org.apache.james.domainlist.api.DomainList;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.utils.GuiceProbe;
import org.smg.gateway.enrollment.Enrollment;

/** Gives start-up code the running server's users, domains and enrollment. */
public final class GatewayProbe implements GuiceProbe {
    private final UsersRepository users;
    private final DomainList domains;
    private final Enrollment enrollment;

    @Inject
    public GatewayProbe(UsersRepository users, DomainList domains, Enrollment enrollment) {
        this.users = users;
        this.domains = domains;
        this.enrollment = enrollment;
    }

    public Enrollment enrollment() {
        return enrollment;
    }

    public UsersRepository users() {
        return users;
    }

    public DomainList domains() {
        return domains;
    }
}
