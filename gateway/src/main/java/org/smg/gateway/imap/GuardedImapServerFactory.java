package org.smg.gateway.imap;

import javax.inject.Provider;

import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.imap.api.process.ImapProcessor;
import org.apache.james.imap.decode.ImapDecoder;
import org.apache.james.imap.encode.ImapEncoder;
import org.apache.james.imapserver.netty.IMAPServer;
import org.apache.james.imapserver.netty.IMAPServerFactory;
import org.apache.james.imapserver.netty.ImapMetrics;
import org.apache.james.metrics.api.GaugeRegistry;
import org.apache.james.metrics.api.MetricFactory;

/** Builds {@link GuardedImapServer}s instead of James's plain IMAP servers. */
public final class GuardedImapServerFactory extends IMAPServerFactory {
    private final ImapGuardLimits limits;
    private final MetricFactory metricFactory;

    public GuardedImapServerFactory(FileSystem fileSystem, Provider<ImapDecoder> decoder, Provider<ImapEncoder> encoder,
                                    Provider<ImapProcessor> processor, MetricFactory metricFactory, GaugeRegistry gaugeRegistry,
                                    ImapGuardLimits limits) {
        super(fileSystem, decoder, encoder, processor, metricFactory, gaugeRegistry);
        this.limits = limits;
        this.metricFactory = metricFactory;
    }

    @Override
    protected IMAPServer createServer() {
        return new GuardedImapServer(decoder.get(), encoder.get(), new CompletionReportingProcessor(processor.get()), new ImapMetrics(metricFactory), gaugeRegistry, limits);
    }
}
