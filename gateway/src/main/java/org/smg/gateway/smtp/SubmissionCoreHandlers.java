package org.smg.gateway.smtp;

import java.util.List;

import org.apache.james.protocols.lib.handler.HandlersPackage;
import org.apache.james.protocols.smtp.core.esmtp.AuthCmdHandler;

import com.google.common.collect.ImmutableList;

/**
 * The submission ports' core SMTP handlers: {@link GatewayCoreHandlers} with {@link DelegatingAuthCmdHandler} in the
 * place of James's AUTH command, so a representative can log in for a citizen there (and only there: the relay
 * port's accounts are staff systems, never representatives).
 */
public final class SubmissionCoreHandlers implements HandlersPackage {
    @Override
    public List<String> getHandlers() {
        return new GatewayCoreHandlers().getHandlers().stream()
            .map(name -> name.equals(AuthCmdHandler.class.getName()) ? DelegatingAuthCmdHandler.class.getName() : name)
            .collect(ImmutableList.toImmutableList());
    }
}
