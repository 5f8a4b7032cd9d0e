package org.smg.gateway.imap;

import javax.inject.Provider;
import javax.inject.Singleton;

import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.imap.api.process.ImapProcessor;
import org.apache.james.imap.decode.ImapDecoder;
import org.apache.james.imap.encode.ImapEncoder;
import org.apache.james.imapserver.netty.IMAPServerFactory;
import org.apache.james.metrics.api.GaugeRegistry;
import org.apache.james.metrics.api.MetricFactory;
import org.smg.gateway.auth.LoginGate;
import org.smg.gateway.consent.Consents;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;

/**
 * Overrides James's IMAP server factory with the guarded one (literal limits, logins through the
 * {@link LoginGate}); use with {@code Modules.override(new IMAPServerModule())}.
 */
public final class GuardedImapModule extends AbstractModule {
    private final ImapGuardLimits limits;

    public GuardedImapModule(ImapGuardLimits limits) {
        this.limits = limits;
    }

    @Provides
    @Singleton
    IMAPServerFactory serverFactory(FileSystem fileSystem, Provider<ImapDecoder> decoder, Provider<ImapEncoder> encoder,
                                    Provider<ImapProcessor> processor, MetricFactory metricFactory, GaugeRegistry gaugeRegistry,
                                    LoginGate loginGate, Consents consents) {
        Provider<ImapProcessor> gated = () -> new ConsentCheckedProcessor(new GatedLoginProcessor(processor.get(), loginGate), consents);
        return new GuardedImapServerFactory(fileSystem, decoder, encoder, gated, metricFactory, gaugeRegistry, limits);
    }
}
