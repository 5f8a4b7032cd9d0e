package org.smg.gateway.provisioning;

import javax.inject.Inject;

import org.apache.james.domainlist.api.DomainList;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.utils.GuiceProbe;
import org.smg.gateway.audit.AuditHeadLogger;
import org.smg.gateway.enrollment.Enrollment;

/** Gives start-up and stop code the running server's users, domains, enrollment and audit head logger. */
public final class GatewayProbe implements GuiceProbe {
    private final UsersRepository users;
    private final DomainList domains;
    private final Enrollment enrollment;
    private final AuditHeadLogger auditHead;

    @Inject
    public GatewayProbe(UsersRepository users, DomainList domains, Enrollment enrollment, AuditHeadLogger auditHead) {
        this.users = users;
        this.domains = domains;
        this.enrollment = enrollment;
        this.auditHead = auditHead;
    }

    public AuditHeadLogger auditHead() {
        return auditHead;
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
