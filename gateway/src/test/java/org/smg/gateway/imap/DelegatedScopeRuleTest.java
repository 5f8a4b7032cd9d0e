package org.smg.gateway.imap;

import static org.assertj.core.api.Assertions.assertThat;

import javax.mail.Flags;

import org.apache.james.imap.api.Tag;
import org.apache.james.imap.api.message.IdRange;
import org.apache.james.imap.message.request.ExpungeRequest;
import org.apache.james.imap.message.request.NoopRequest;
import org.apache.james.imap.message.request.StoreRequest;
import org.apache.james.imap.message.request.UnselectRequest;
import org.apache.james.mailbox.MessageManager.FlagsUpdateMode;
import org.junit.jupiter.api.Test;
import org.smg.gateway.consent.ConsentScope;

class DelegatedScopeRuleTest {
    private static final Tag TAG = new Tag("a1");

    @Test
    void refusalShouldBeEmptyWhenCommandOnlyReads() {
        assertThat(DelegatedScopeRule.refusal(new NoopRequest(TAG), ConsentScope.READ)).isEmpty();
        assertThat(DelegatedScopeRule.refusal(new UnselectRequest(TAG), ConsentScope.READ)).isEmpty();
    }

    @Test
    void refusalShouldNameTheScopeWhenCommandWouldChangeTheMailbox() {
        assertThat(DelegatedScopeRule.refusal(new ExpungeRequest(TAG, null), ConsentScope.READ))
            .hasValueSatisfying(text -> assertThat(text).startsWith("[NOPERM]").contains("allows reading only"));
        assertThat(DelegatedScopeRule.refusal(new ExpungeRequest(TAG, null), ConsentScope.READ_REPLY))
            .hasValueSatisfying(text -> assertThat(text).contains("allows reading and replying only"));
    }

    @Test
    void refusalShouldBeEmptyWhenStoreAddsOrRemovesSeen() {
        assertThat(DelegatedScopeRule.refusal(store(FlagsUpdateMode.ADD, new Flags(Flags.Flag.SEEN)), ConsentScope.READ)).isEmpty();
        assertThat(DelegatedScopeRule.refusal(store(FlagsUpdateMode.REMOVE, new Flags(Flags.Flag.SEEN)), ConsentScope.READ)).isEmpty();
    }

    @Test
    void refusalShouldNameSeenWhenStoreChangesAnotherFlag() {
        Flags seenAndDeleted = new Flags(Flags.Flag.SEEN);
        seenAndDeleted.add(Flags.Flag.DELETED);

        assertThat(DelegatedScopeRule.refusal(store(FlagsUpdateMode.ADD, seenAndDeleted), ConsentScope.READ_REPLY))
            .hasValueSatisfying(text -> assertThat(text).startsWith("[NOPERM]").contains("\\Seen and \\Answered"));
        assertThat(DelegatedScopeRule.refusal(store(FlagsUpdateMode.ADD, new Flags("custom")), ConsentScope.READ)).isPresent();
        assertThat(DelegatedScopeRule.refusal(store(FlagsUpdateMode.ADD, new Flags(Flags.Flag.ANSWERED)), ConsentScope.READ)).isPresent();
    }

    @Test
    void refusalShouldBeEmptyWhenReadReplyMarksAnswered() {
        assertThat(DelegatedScopeRule.refusal(store(FlagsUpdateMode.ADD, new Flags(Flags.Flag.ANSWERED)), ConsentScope.READ_REPLY)).isEmpty();
    }

    @Test
    void refusalShouldExplainWhenFlagsAreReplaced() {
        assertThat(DelegatedScopeRule.refusal(store(FlagsUpdateMode.REPLACE, new Flags(Flags.Flag.SEEN)), ConsentScope.READ))
            .hasValueSatisfying(text -> assertThat(text).contains("no FLAGS replacement").contains("+FLAGS"));
    }

    private static StoreRequest store(FlagsUpdateMode mode, Flags flags) {
        return new StoreRequest(new IdRange[] {new IdRange(1)}, false, flags, false, TAG, mode, -1);
    }
}
