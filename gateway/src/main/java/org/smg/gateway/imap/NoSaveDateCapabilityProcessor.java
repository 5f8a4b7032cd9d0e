package org.smg.gateway.imap;

import java.util.List;

import javax.inject.Inject;

import org.apache.james.imap.api.ImapConstants;
import org.apache.james.imap.api.message.Capability;
import org.apache.james.imap.api.message.response.StatusResponseFactory;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.processor.CapabilityProcessor;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.metrics.api.MetricFactory;

import com.google.common.collect.ImmutableList;

/** James's CAPABILITY processor without {@code SAVEDATE}, which James announces whatever the mailbox store (see {@link SaveDateUnsupported}). */
public final class NoSaveDateCapabilityProcessor extends CapabilityProcessor {
    @Inject
    public NoSaveDateCapabilityProcessor(MailboxManager mailboxManager, StatusResponseFactory factory, MetricFactory metricFactory) {
        super(mailboxManager, factory, metricFactory);
    }

    @Override
    public List<Capability> getImplementedCapabilities(ImapSession session) {
        return super.getImplementedCapabilities(session).stream()
            .filter(capability -> !ImapConstants.SUPPORTS_SAVEDATE.equals(capability))
            .collect(ImmutableList.toImmutableList());
    }
}
