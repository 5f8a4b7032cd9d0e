package org.smg.gateway.mpt;

import org.apache.james.mpt.api.ImapHostSystem;
import org.apache.james.mpt.imapmailbox.suite.AuthenticatePlain;
import org.junit.jupiter.api.extension.RegisterExtension;

class GatewayAuthenticatePlainTest extends AuthenticatePlain {
    @RegisterExtension
    GatewayHostSystemExtension hostSystem = new GatewayHostSystemExtension();

    @Override
    protected ImapHostSystem createImapHostSystem() {
        return hostSystem.hostSystem();
    }

    // The script's last step has the administrator imapuser log in as another user (SASL PLAIN authzid
    // "delegate") with no consent. James's own authorizator lets an administrator in as anyone; the
    // gateway's ConsentAuthorizator allows delegation only under a consent in force, administrators
    // included (decision 0015). See docs/imap-compliance.md.

    /** Not run: the gateway refuses what this script expects to succeed (see the comment above);
     * DelegatedAccessIntegrationTest checks AUTHENTICATE PLAIN with an authzid under a consent and without one. */
    @Override
    public void testAuthenticatePlainUS() {
    }

    /** Not run, as {@link #testAuthenticatePlainUS()}. */
    @Override
    public void testAuthenticatePlainITALY() {
    }

    /** Not run, as {@link #testAuthenticatePlainUS()}. */
    @Override
    public void testAuthenticatePlainKOREA() {
    }
}
