package org.smg.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smg.mailets.audit.AuditAction;
import org.smg.mailets.audit.AuditException;

class AuditTrailTest {
    @TempDir
    static Path directory;

    private static AuditDatabase db;
    private AuditTrail trail;

    @BeforeEach
    void open() throws Exception {
        trail = db.reset();
    }

    @BeforeAll
    static void openDatabase() throws Exception {
        db = AuditDatabase.open(directory);
    }

    @AfterAll
    static void closeDatabase() {
        db.close();
    }

    @Test
    void recordShouldLinkEachEntryToThePreviousOneWhenAppended() throws Exception {
        AuditEntry first = trail.record("mta:192.0.2.7", AuditAction.MAIL_ACCEPTED, "Mail1-a", "accepted", "recipients=1 size=10");
        AuditEntry second = trail.record("system", AuditAction.MAIL_HELD, "Mail1-a", "no-route", "");

        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo("0".repeat(64));
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(trail.head()).isEqualTo(new AuditHead(2, second.hash()));
        assertThat(stored()).containsExactly(first, second);
    }

    @Test
    void verifyShouldBeValidWhenNothingWasTouched() throws Exception {
        appendFive();

        AuditVerification result = db.verifier().verify(Optional.of(trail.head()));

        assertThat(result).isEqualTo(new AuditVerification(true, null, null));
        assertThat(result.toJson()).isEqualTo("{\"valid\":true,\"firstBadSequence\":null,\"missingAfter\":null}");
    }

    @Test
    void verifyShouldBeValidWhenTheTrailIsEmpty() throws Exception {
        AuditVerification withoutAnchor = db.verifier().verify(Optional.empty());
        AuditVerification withEmptyHead = db.verifier().verify(Optional.of(trail.head()));

        assertThat(withoutAnchor.valid()).isTrue();
        assertThat(withEmptyHead.valid()).isTrue();
    }

    @Test
    void verifyShouldNameTheEntryWhenItsOutcomeWasEditedInTheDatabase() throws Exception {
        appendFive();

        db.sql("UPDATE SMG_AUDIT SET OUTCOME = 'delivered' WHERE SEQ = 3");
        AuditVerification result = db.verifier().verify(Optional.empty());

        assertThat(result).isEqualTo(new AuditVerification(false, 3L, null));
        assertThat(result.toJson()).isEqualTo("{\"valid\":false,\"firstBadSequence\":3,\"missingAfter\":null}");
    }

    @Test
    void verifyShouldNameTheEntryWhenItsHashesWereRecomputedAfterAnEdit() throws Exception {
        appendFive();
        AuditEntry third = stored().get(2);
        String forgedHash = AuditHash.hex(AuditHash.chain(java.util.HexFormat.of().parseHex(third.prevHash()),
            AuditHash.canonical(3, third.timeMillis(), third.actor(), third.action(), third.objectId(), "delivered", third.detail())));

        db.sql("UPDATE SMG_AUDIT SET OUTCOME = 'delivered', HASH = ? WHERE SEQ = 3", forgedHash);
        AuditVerification result = db.verifier().verify(Optional.empty());

        assertThat(result.firstBadSequence()).as("entry 3 now checks out on its own, but entry 4 no longer links to it").isEqualTo(4L);
    }

    @Test
    void verifyShouldNameTheMissingSequenceWhenAMiddleRowIsDeleted() throws Exception {
        appendFive();

        db.sql("DELETE FROM SMG_AUDIT WHERE SEQ = 2");
        AuditVerification result = db.verifier().verify(Optional.empty());

        assertThat(result).isEqualTo(new AuditVerification(false, 2L, null));
    }

    @Test
    void verifyShouldNameTheFirstMovedEntryWhenTwoRowsAreSwapped() throws Exception {
        appendFive();
        AuditEntry second = stored().get(1);
        AuditEntry third = stored().get(2);

        overwrite(2, third);
        overwrite(3, second);
        AuditVerification result = db.verifier().verify(Optional.empty());

        assertThat(result).isEqualTo(new AuditVerification(false, 2L, null));
    }

    @Test
    void verifyShouldReportTheCutWithTheLoggedHeadWhenTheLastRowsAreDeleted() throws Exception {
        appendFive();
        AuditHead logged = trail.head();

        db.sql("DELETE FROM SMG_AUDIT WHERE SEQ >= 4");
        AuditVerification withoutAnchor = db.verifier().verify(Optional.empty());
        AuditVerification withAnchor = db.verifier().verify(Optional.of(logged));

        assertThat(withoutAnchor.valid()).as("a shorter chain is consistent in itself: that is why heads are logged").isTrue();
        assertThat(withAnchor).isEqualTo(new AuditVerification(false, null, 3L));
        assertThat(withAnchor.toJson()).isEqualTo("{\"valid\":false,\"firstBadSequence\":null,\"missingAfter\":3}");
    }

    @Test
    void verifyShouldReportNothingLeftWhenEveryRowIsDeleted() throws Exception {
        appendFive();
        AuditHead logged = trail.head();

        db.sql("DELETE FROM SMG_AUDIT");
        AuditVerification result = db.verifier().verify(Optional.of(logged));

        assertThat(result).isEqualTo(new AuditVerification(false, null, 0L));
    }

    @Test
    void verifyShouldBeValidWhenEntriesFollowAnOlderLoggedHead() throws Exception {
        trail.record("system", AuditAction.MAIL_HELD, "Mail0", "error", "");
        AuditHead older = trail.head();
        appendFive();

        AuditVerification result = db.verifier().verify(Optional.of(older));

        assertThat(result.valid()).isTrue();
    }

    @Test
    void verifyShouldNameTheAnchorWhenItsHashIsNotTheStoredOne() throws Exception {
        appendFive();
        AuditHead forged = new AuditHead(4, "ab".repeat(32));

        AuditVerification result = db.verifier().verify(Optional.of(forged));

        assertThat(result).isEqualTo(new AuditVerification(false, 4L, null));
    }

    @Test
    void recordShouldContinueTheChainWhenTheTrailIsReopened() throws Exception {
        appendFive();
        AuditHead before = trail.head();

        AuditTrail reopened = db.trail();
        AuditEntry next = reopened.record("system", AuditAction.MAIL_HELD, "Mail6", "error", "");

        assertThat(reopened.head().sequence()).isEqualTo(6);
        assertThat(next.prevHash()).isEqualTo(before.hash());
        assertThat(db.verifier().verify(Optional.of(before)).valid()).isTrue();
    }

    @Test
    void recordShouldRefuseWhenAValueCouldForgeALine() {
        for (String forged : new String[] {"a\nsequence=9", "a\rb", "a\u0000b", "a\u2028b", "a\u202Eb", "a\u001Bb", "a\uD800b"}) {
            assertThatThrownBy(() -> trail.record("system", AuditAction.MAIL_HELD, forged, "error", ""))
                .as("object id %s", forged.codePoints().mapToObj(Integer::toHexString).toList())
                .isInstanceOf(AuditException.class)
                .hasMessageContaining("objectId contains a control or formatting character");
        }
        assertThat(trail.head().sequence()).isZero();
    }

    @Test
    void recordShouldRefuseWhenARequiredValueIsMissingOrTooLong() {
        assertThatThrownBy(() -> trail.record("", AuditAction.MAIL_HELD, "Mail1", "error", ""))
            .isInstanceOf(AuditException.class).hasMessage("audit actor is required");
        assertThatThrownBy(() -> trail.record("system", null, "Mail1", "error", ""))
            .isInstanceOf(AuditException.class).hasMessage("audit action is required");
        assertThatThrownBy(() -> trail.record("system", AuditAction.MAIL_HELD, "Mail1", "error", null))
            .isInstanceOf(AuditException.class).hasMessage("audit detail is required");
        assertThatThrownBy(() -> trail.record("system", AuditAction.MAIL_HELD, "x".repeat(1025), "error", ""))
            .isInstanceOf(AuditException.class).hasMessage("audit objectId is longer than 1024 characters");
    }

    @Test
    void loginFailedShouldRecordTheEscapedAccountAndClientButNoPasswordWhenTheNameCarriesControlCharacters() throws Exception {
        trail.loginFailed(LoginProtocol.IMAP, "victim@gateway.localhost\r\nforged", "192.0.2.9");
        trail.loginSucceeded(LoginProtocol.SMTP, "citizen@gateway.localhost", "192.0.2.10");

        List<AuditEntry> entries = stored();

        assertThat(entries.get(0)).extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::objectId, AuditEntry::outcome, AuditEntry::detail)
            .containsExactly("client:192.0.2.9", "LOGIN_FAILED", "victim@gateway.localhost\\u000D\\u000Aforged", "failed",
                "protocol=imap client=192.0.2.9");
        assertThat(entries.get(1)).extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::objectId, AuditEntry::outcome, AuditEntry::detail)
            .containsExactly("user:citizen@gateway.localhost", "LOGIN_SUCCEEDED", "citizen@gateway.localhost", "succeeded",
                "protocol=smtp client=192.0.2.10");
        assertThat(db.verifier().verify(Optional.of(trail.head())).valid()).isTrue();
    }

    @Test
    void loginRefusedShouldRecordAFailedLoginByTheAccountWithTheReasonWhenThePasswordWasRight() throws Exception {
        trail.loginRefused(LoginProtocol.IMAP, "citizen@gateway.localhost", "192.0.2.11", "terms-required");

        List<AuditEntry> entries = stored();

        assertThat(entries.get(0)).extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::objectId, AuditEntry::outcome, AuditEntry::detail)
            .containsExactly("user:citizen@gateway.localhost", "LOGIN_FAILED", "citizen@gateway.localhost", "refused-terms-required",
                "protocol=imap client=192.0.2.11");
        assertThat(db.verifier().verify(Optional.of(trail.head())).valid()).isTrue();
    }

    @Test
    void loginFailedShouldTruncateTheAccountWhenAClientSendsAHugeName() throws Exception {
        trail.loginFailed(LoginProtocol.WEB, "a".repeat(5000), null);

        AuditEntry entry = stored().get(0);

        assertThat(entry.objectId()).hasSize(320);
        assertThat(entry.detail()).isEqualTo("protocol=web client=-");
    }

    private void appendFive() throws AuditException {
        for (int i = 1; i <= 5; i++) {
            db.clock.set(db.clock.instant().plusSeconds(1));
            trail.record("mta:192.0.2.7", AuditAction.MAIL_ACCEPTED, "Mail" + i, "accepted", "recipients=1 size=" + (100 + i));
        }
    }

    private void overwrite(long sequence, AuditEntry with) throws Exception {
        db.sql("UPDATE SMG_AUDIT SET TIME_MS = ?, ACTOR = ?, ACTION = ?, OBJECT_ID = ?, OUTCOME = ?, DETAIL = ?, PREV_HASH = ?, HASH = ? WHERE SEQ = ?",
            with.timeMillis(), with.actor(), with.action(), with.objectId(), with.outcome(), with.detail(), with.prevHash(), with.hash(), sequence);
    }

    private List<AuditEntry> stored() throws Exception {
        List<AuditEntry> entries = new ArrayList<>();
        db.table.forEachInSequence(entries::add);
        return entries;
    }
}
