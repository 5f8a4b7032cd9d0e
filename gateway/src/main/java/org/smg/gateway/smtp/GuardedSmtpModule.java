package org.smg.gateway.smtp;

import org.apache.james.smtpserver.netty.SMTPServerFactory;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

/**
 * Overrides James's SMTP server factory with the one whose servers run commands off the I/O
 * threads ({@link GuardedSmtpServer}); use with {@code Modules.override(new SMTPServerModule())}.
 */
public final class GuardedSmtpModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(SMTPServerFactory.class).to(GuardedSmtpServerFactory.class).in(Scopes.SINGLETON);
    }
}
