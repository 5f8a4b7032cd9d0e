package org.smg.gateway.queue;

import javax.inject.Singleton;

import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.ManageableMailQueue;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;

/** Binds every shape of {@link MailQueueFactory} James asks for to the durable Derby queue. */
public final class DerbyMailQueueModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(DerbyMailQueueFactory.class).in(Scopes.SINGLETON);
    }

    @Provides
    @Singleton
    MailQueueFactory<? extends ManageableMailQueue> manageable(DerbyMailQueueFactory factory) {
        return factory;
    }

    @Provides
    @Singleton
    MailQueueFactory<?> any(DerbyMailQueueFactory factory) {
        return factory;
    }

    @Provides
    @Singleton
    MailQueueFactory<? extends MailQueue> plain(DerbyMailQueueFactory factory) {
        return factory;
    }
}
