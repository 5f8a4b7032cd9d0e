package org.smg.gateway.mpt;

import org.apache.james.core.Username;
import org.apache.james.core.quota.QuotaCountLimit;
import org.apache.james.core.quota.QuotaSizeLimit;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mpt.api.ImapFeatures;
import org.apache.james.mpt.api.ImapFeatures.Feature;
import org.apache.james.mpt.host.JamesImapHostSystem;

/** Runs James's MPT IMAP scripts in-process against {@link GatewayMailboxStack}. */
final class GatewayImapHostSystem extends JamesImapHostSystem {
    /** What the JPA mailbox offers (the features James's own JPA host declares). */
    private static final ImapFeatures SUPPORTED_FEATURES = ImapFeatures.of(Feature.NAMESPACE_SUPPORT,
        Feature.USER_FLAGS_SUPPORT,
        Feature.ANNOTATION_SUPPORT,
        Feature.QUOTA_SUPPORT,
        Feature.MOVE_SUPPORT,
        Feature.MOD_SEQ_SEARCH);

    private GatewayMailboxStack stack;

    @Override
    public void beforeTest() throws Exception {
        super.beforeTest();
        stack = GatewayMailboxStack.shared();
        configure(stack.decoder(), stack.encoder(), stack.processor());
    }

    @Override
    public void afterTest() throws Exception {
        stack.clear();
    }

    @Override
    public boolean addUser(Username user, String password) throws Exception {
        stack.users().addUser(user, password);
        stack.enrol(user);
        return true;
    }

    @Override
    protected MailboxManager getMailboxManager() {
        return stack.mailboxManager();
    }

    @Override
    public boolean supports(Feature... features) {
        return SUPPORTED_FEATURES.supports(features);
    }

    @Override
    public void setQuotaLimits(QuotaCountLimit maxMessageQuota, QuotaSizeLimit maxStorageQuota) throws Exception {
        stack.maxQuotaManager().setGlobalMaxMessage(maxMessageQuota);
        stack.maxQuotaManager().setGlobalMaxStorage(maxStorageQuota);
    }

    @Override
    protected void await() {
        // the in-VM event bus delivers synchronously
    }
}
