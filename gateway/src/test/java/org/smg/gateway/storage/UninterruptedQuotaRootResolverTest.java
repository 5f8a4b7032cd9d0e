package org.smg.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.james.mailbox.exception.MailboxException;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Flux;

class UninterruptedQuotaRootResolverTest {
    @Test
    void readFullyShouldNotCancelTheSourceWhenTheReaderStopsAfterTheFirstElement() {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicBoolean completed = new AtomicBoolean();
        Flux<String> source = Flux.just("INBOX", "Sent", "Drafts")
            .doOnCancel(() -> cancelled.set(true))
            .doOnComplete(() -> completed.set(true));

        Boolean hasElements = UninterruptedQuotaRootResolver.readFully(source).hasElements().block();

        assertThat(hasElements).isTrue();
        assertThat(cancelled).isFalse();
        assertThat(completed).isTrue();
    }

    @Test
    void readFullyShouldHandOnEveryElementInOrder() {
        Flux<String> source = Flux.just("INBOX", "Sent", "Drafts");

        List<String> elements = UninterruptedQuotaRootResolver.readFully(source).collectList().block();

        assertThat(elements).containsExactly("INBOX", "Sent", "Drafts");
    }

    @Test
    void readFullyShouldFailWithTheSourceMailboxExceptionWhenTheSourceFails() {
        Flux<String> source = Flux.error(new MailboxException("search failed"));

        List<String> resumed = UninterruptedQuotaRootResolver.readFully(source)
            .onErrorResume(MailboxException.class, e -> Flux.just("resumed after " + e.getMessage()))
            .collectList()
            .block();

        assertThat(resumed).containsExactly("resumed after search failed");
    }
}
