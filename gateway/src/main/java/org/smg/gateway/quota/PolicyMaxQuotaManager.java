package org.smg.gateway.quota;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.quota.QuotaCountLimit;
import org.apache.james.core.quota.QuotaSizeLimit;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.Quota;
import org.apache.james.mailbox.model.QuotaRoot;
import org.apache.james.mailbox.quota.MaxQuotaManager;
import org.apache.james.mailbox.quota.UserQuotaRootResolver;
import org.reactivestreams.Publisher;

import reactor.core.publisher.Mono;

/**
 * James's {@link MaxQuotaManager} answered from the policy files: the storage limit of a quota root (one user's
 * mailboxes) is its account's {@link AccountQuotas}, computed at every call, so James's own checks (IMAP APPEND's
 * {@code NO [OVERQUOTA]}, LocalDelivery's {@code OverQuotaException}, GETQUOTA) use the policy in force. There
 * is no limit on the number of messages, only on their size.
 *
 * <p>Read-only: quotas are set in conf/policies/attachments.yaml, not through James's quota API, so every setter
 * fails with a message that says where to set them instead of storing a value that the policy would contradict.
 */
public final class PolicyMaxQuotaManager implements MaxQuotaManager {
    static final String READ_ONLY = "quotas come from conf/policies/attachments.yaml (mailboxQuota); edit it and"
        + " reload the policies";

    private final AccountQuotas quotas;
    private final UserQuotaRootResolver roots;

    @Inject
    public PolicyMaxQuotaManager(AccountQuotas quotas, UserQuotaRootResolver roots) {
        this.quotas = quotas;
        this.roots = roots;
    }

    @Override
    public Map<Quota.Scope, QuotaSizeLimit> listMaxStorageDetails(QuotaRoot quotaRoot) {
        try {
            return Map.of(Quota.Scope.User, QuotaSizeLimit.size(quotas.of(roots.associatedUsername(quotaRoot))));
        } catch (SQLException e) {
            // Unchecked, so James fails the operation (APPEND answers NO) rather than storing without a limit.
            throw new IllegalStateException("cannot read the account of quota root " + quotaRoot.getValue(), e);
        }
    }

    @Override
    public Map<Quota.Scope, QuotaCountLimit> listMaxMessagesDetails(QuotaRoot quotaRoot) {
        return Map.of();
    }

    @Override
    public Optional<QuotaSizeLimit> getGlobalMaxStorage() {
        return Optional.of(QuotaSizeLimit.size(quotas.byDefault()));
    }

    @Override
    public Publisher<QuotaSizeLimit> getGlobalMaxStorageReactive() {
        return Mono.fromCallable(() -> QuotaSizeLimit.size(quotas.byDefault()));
    }

    @Override
    public Optional<QuotaCountLimit> getGlobalMaxMessage() {
        return Optional.empty();
    }

    @Override
    public Publisher<QuotaCountLimit> getGlobalMaxMessageReactive() {
        return Mono.empty();
    }

    @Override
    public Optional<QuotaCountLimit> getDomainMaxMessage(Domain domain) {
        return Optional.empty();
    }

    @Override
    public Publisher<QuotaCountLimit> getDomainMaxMessageReactive(Domain domain) {
        return Mono.empty();
    }

    @Override
    public Optional<QuotaSizeLimit> getDomainMaxStorage(Domain domain) {
        return Optional.empty();
    }

    @Override
    public Publisher<QuotaSizeLimit> getDomainMaxStorageReactive(Domain domain) {
        return Mono.empty();
    }

    @Override
    public void setMaxStorage(QuotaRoot quotaRoot, QuotaSizeLimit maxStorageQuota) throws MailboxException {
        throw readOnly();
    }

    @Override
    public Publisher<Void> setMaxStorageReactive(QuotaRoot quotaRoot, QuotaSizeLimit maxStorageQuota) {
        return Mono.error(readOnly());
    }

    @Override
    public void setMaxMessage(QuotaRoot quotaRoot, QuotaCountLimit maxMessageCount) throws MailboxException {
        throw readOnly();
    }

    @Override
    public Publisher<Void> setMaxMessageReactive(QuotaRoot quotaRoot, QuotaCountLimit maxMessageCount) {
        return Mono.error(readOnly());
    }

    @Override
    public void removeMaxMessage(QuotaRoot quotaRoot) throws MailboxException {
        throw readOnly();
    }

    @Override
    public Publisher<Void> removeMaxMessageReactive(QuotaRoot quotaRoot) {
        return Mono.error(readOnly());
    }

    @Override
    public void removeMaxStorage(QuotaRoot quotaRoot) throws MailboxException {
        throw readOnly();
    }

    @Override
    public Publisher<Void> removeMaxStorageReactive(QuotaRoot quotaRoot) {
        return Mono.error(readOnly());
    }

    @Override
    public void setGlobalMaxStorage(QuotaSizeLimit globalMaxStorage) throws MailboxException {
        throw readOnly();
    }

    @Override
    public Publisher<Void> setGlobalMaxStorageReactive(QuotaSizeLimit globalMaxStorage) {
        return Mono.error(readOnly());
    }

    @Override
    public void removeGlobalMaxStorage() throws MailboxException {
        throw readOnly();
    }

    @Override
    public Publisher<Void> removeGlobalMaxStorageReactive() {
        return Mono.error(readOnly());
    }

    @Override
    public void setGlobalMaxMessage(QuotaCountLimit globalMaxMessageCount) throws MailboxException {
        throw readOnly();
    }

    @Override
    public Publisher<Void> setGlobalMaxMessageReactive(QuotaCountLimit globalMaxMessageCount) {
        return Mono.error(readOnly());
    }

    @Override
    public void removeGlobalMaxMessage() throws MailboxException {
        throw readOnly();
    }

    @Override
    public Publisher<Void> removeGlobalMaxMessageReactive() {
        return Mono.error(readOnly());
    }

    @Override
    public void setDomainMaxMessage(Domain domain, QuotaCountLimit count) throws MailboxException {
        throw readOnly();
    }

    @Override
    public Publisher<Void> setDomainMaxMessageReactive(Domain domain, QuotaCountLimit count) {
        return Mono.error(readOnly());
    }

    @Override
    public void removeDomainMaxMessage(Domain domain) throws MailboxException {
        throw readOnly();
    }

    @Override
    public Publisher<Void> removeDomainMaxMessageReactive(Domain domain) {
        return Mono.error(readOnly());
    }

    @Override
    public void setDomainMaxStorage(Domain domain, QuotaSizeLimit size) throws MailboxException {
        throw readOnly();
    }

    @Override
    public Publisher<Void> setDomainMaxStorageReactive(Domain domain, QuotaSizeLimit size) {
        return Mono.error(readOnly());
    }

    @Override
    public void removeDomainMaxStorage(Domain domain) throws MailboxException {
        throw readOnly();
    }

    @Override
    public Publisher<Void> removeDomainMaxStorageReactive(Domain domain) {
        return Mono.error(readOnly());
    }

    private static MailboxException readOnly() {
        return new MailboxException(READ_ONLY);
    }
}
