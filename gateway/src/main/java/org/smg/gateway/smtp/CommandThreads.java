package org.smg.gateway.smtp;

import java.util.concurrent.TimeUnit;

import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.NonStickyEventExecutorGroup;
import io.netty.util.concurrent.UnorderedThreadPoolEventExecutor;

/**
 * The threads that run an SMTP server's commands, off Netty's I/O threads. Each connection gets an
 * executor of its own that runs its events one at a time, in order, on any free thread of a shared
 * pool; so a command that waits (an AUTH held back by the login gate) holds only its own
 * connection, never another one pinned to the same thread.
 *
 * <p>The pool has one thread per connection the server accepts: every connection can have a
 * command running even when all the others wait. Threads start on demand and stop after
 * {@link #IDLE_SECONDS} without work.
 */
final class CommandThreads {
    static final long IDLE_SECONDS = 10;

    private CommandThreads() {
    }

    static EventExecutorGroup create(String serverName, int maxConnections) {
        UnorderedThreadPoolEventExecutor pool = new UnorderedThreadPoolEventExecutor(maxConnections,
            new DefaultThreadFactory(serverName + "-commands", true));
        pool.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
        pool.allowCoreThreadTimeOut(true);
        return new NonStickyEventExecutorGroup(pool);
    }
}
