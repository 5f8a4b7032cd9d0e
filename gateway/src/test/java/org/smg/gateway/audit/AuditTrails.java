package org.smg.gateway.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

/** A real audit trail on a test database, for tests of other packages that check what was recorded. */
public final class AuditTrails {
    private AuditTrails() {
    }

    /** Creates the audit table if needed and opens the trail after its last entry. */
    public static AuditTrail open(DataSource dataSource, Clock clock) throws SQLException {
        AuditTable table = new AuditTable(dataSource);
        table.createIfMissing();
        return AuditTrail.open(table, clock);
    }

    /** Every entry, exported as the JSON Lines an administrator gets from GET /audit. */
    public static List<String> exportAll(AuditTrail trail) throws SQLException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AuditExport(trail.table()).write(Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"), out);
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** Whether the chain verifies from its first entry. */
    public static AuditVerification verify(AuditTrail trail) throws SQLException {
        return new AuditVerifier(trail.table()).verify(java.util.Optional.empty());
    }
}
