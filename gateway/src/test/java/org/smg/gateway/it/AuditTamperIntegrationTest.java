package org.smg.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smg.gateway.secrets.SecretFiles;
import org.smg.gateway.storage.EncryptedDerbyDatabase;

/**
 * The audit trail's acceptance, played as someone who holds the database file and its storage
 * secret while the gateway is stopped: the last rows are deleted (verifying against the head the
 * gateway logged as it stopped reports the entries missing), then one row is edited (the verifier
 * names it). One gateway, restarted twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditTamperIntegrationTest {
    private static final String VALID = "{\"valid\":true,\"firstBadSequence\":null,\"missingAfter\":null}";
    private static final Pattern LINE = Pattern.compile("\"sequence\":(\\d+),.*\"action\":\"([A-Z_]+)\",\"objectId\":\"([^\"]*)\"");
    /** More than a restart appends (the demo's fresh invitation), so the chain ends before the old head. */
    private static final int CUT = 8;

    @RegisterExtension
    static final GatewayProcess gateway = GatewayProcess.perTestClass();

    /** The last entry of the trail as the database holds it. */
    private record Head(long sequence, String hash) {
        @Override
        public String toString() {
            return sequence + ":" + hash;
        }
    }

    /** One exported entry, as much of it as the test needs. */
    private record Entry(long sequence, String action, String objectId) {
    }

    @Test
    @Order(1)
    void verifyShouldReportEntriesMissingAfterTheLoggedHeadWhenTheLastRowsWereDeleted() throws Exception {
        for (int i = 1; i <= CUT; i++) {
            invite("cut" + i + "@example.net", "Cut Person " + i);
        }
        assertThat(verify("")).isEqualTo(VALID);
        Head[] inDatabase = new Head[1];
        int[] deleted = new int[1];

        String stopOutput = whileStopped(connection -> {
            inDatabase[0] = head(connection);
            deleted[0] = update(connection, "DELETE FROM SMG_AUDIT WHERE SEQ > ?", inDatabase[0].sequence() - CUT);
        });
        String loggedAtStop = loggedHead(stopOutput, "stop");
        long lastAfterRestart = last(export()).sequence();
        String anchored = verify("?head=" + loggedAtStop);

        assertThat(loggedAtStop).as("the head the gateway logged as it stopped").isEqualTo(inDatabase[0].toString());
        assertThat(deleted[0]).isEqualTo(CUT);
        assertThat(lastAfterRestart).as("the restart appended fewer entries than were cut").isLessThan(inDatabase[0].sequence());
        assertThat(verify("")).as("a cut chain is consistent by itself").isEqualTo(VALID);
        assertThat(anchored).isEqualTo("{\"valid\":false,\"firstBadSequence\":null,\"missingAfter\":" + lastAfterRestart + "}");
    }

    @Test
    @Order(2)
    void verifyShouldNameTheEditedEntryWhenOneRowWasChangedInTheDatabase() throws Exception {
        invite("edited@example.net", "Edited Person");
        Entry created = export().stream().filter(entry -> entry.action().equals("INVITATION_CREATED")).reduce((first, second) -> second)
            .orElseThrow();
        assertThat(verify("")).isEqualTo(VALID);
        int[] edited = new int[1];

        whileStopped(connection -> edited[0] = update(connection, "UPDATE SMG_AUDIT SET OUTCOME = 'revoked' WHERE SEQ = ?", created.sequence()));
        String result = verify("");

        assertThat(edited[0]).isEqualTo(1);
        assertThat(result).isEqualTo("{\"valid\":false,\"firstBadSequence\":" + created.sequence() + ",\"missingAfter\":null}");
    }

    private static void invite(String email, String name) throws Exception {
        HttpResponse<String> response = WebAdmin.call(gateway, "POST", "/invitations",
            "{\"program\":\"ECO\",\"email\":\"" + email + "\",\"name\":\"" + name + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static String verify(String query) throws Exception {
        HttpResponse<String> response = WebAdmin.call(gateway, "GET", "/audit/verify" + query, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static List<Entry> export() throws Exception {
        HttpResponse<String> response = WebAdmin.call(gateway, "GET", "/audit?from=1970-01-01T00:00:00Z", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body().lines().map(line -> {
            Matcher matcher = LINE.matcher(line);
            assertThat(matcher.find()).as(line).isTrue();
            return new Entry(Long.parseLong(matcher.group(1)), matcher.group(2), matcher.group(3));
        }).toList();
    }

    private static Entry last(List<Entry> entries) {
        assertThat(entries).isNotEmpty();
        return entries.get(entries.size() - 1);
    }

    @FunctionalInterface
    private interface Tampering {
        void on(Connection connection) throws SQLException;
    }

    /**
     * Stops the gateway, opens its encrypted database with the storage secret as an intruder
     * with the host's files could, tampers, and starts the gateway again (also after a failure,
     * for the next test).
     */
    private static String whileStopped(Tampering tampering) throws Exception {
        gateway.stop();
        String stopOutput = gateway.output();
        try {
            Path secretFile = gateway.secretsDirectory().resolve("storage.secret");
            try (EncryptedDerbyDatabase database = EncryptedDerbyDatabase.open(gateway.dataDirectory().resolve("db"), SecretFiles.read(secretFile));
                 Connection connection = database.dataSource().getConnection()) {
                tampering.on(connection);
            }
        } finally {
            gateway.start();
        }
        return stopOutput;
    }

    /** The head the gateway logged on org.smg.audit at the given moment (start, hourly, stop), as sequence:hash. */
    private static String loggedHead(String output, String when) {
        Matcher matcher = Pattern.compile("audit head sequence=(\\d+) hash=([0-9a-f]{64}) \\(" + when + ";").matcher(output);
        assertThat(matcher.find()).as("an 'audit head ... (%s;' line in the gateway's output:%n%s", when, output).isTrue();
        return matcher.group(1) + ":" + matcher.group(2);
    }

    private static Head head(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT SEQ, HASH FROM SMG_AUDIT ORDER BY SEQ DESC FETCH FIRST ROW ONLY");
             ResultSet row = select.executeQuery()) {
            assertThat(row.next()).as("the trail has entries").isTrue();
            return new Head(row.getLong(1), row.getString(2));
        }
    }

    private static int update(Connection connection, String statement, long sequence) throws SQLException {
        try (PreparedStatement prepared = connection.prepareStatement(statement)) {
            prepared.setLong(1, sequence);
            return prepared.executeUpdate();
        }
    }
}
