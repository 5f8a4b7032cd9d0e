package org.smg.gateway.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The canonical encoding of an audit entry and the hash chain over it (version 1).
 *
 * <pre>
 * canonical(entry) = field("smg-audit-v1")
 *                 || u64(sequence) || u64(timeMillis)
 *                 || field(actor) || field(action) || field(objectId) || field(outcome) || field(detail)
 * field(s)         = u32(number of bytes of UTF-8(s)) || UTF-8(s)
 * u64, u32         = unsigned big-endian integers of 8 and 4 bytes
 * hash(entry)      = SHA-256(prevHash || canonical(entry)), prevHash being the 32 bytes of the
 *                    previous entry's hash, or 32 zero bytes for sequence 1
 * </pre>
 *
 * <p>Length prefixes make the encoding unambiguous whatever the fields contain, so no two
 * different entries share an encoding; the version tag lets a later format coexist.
 */
final class AuditHash {
    static final String FORMAT = "smg-audit-v1";
    static final byte[] GENESIS = new byte[32];
    private static final HexFormat HEX = HexFormat.of();

    private AuditHash() {
    }

    static byte[] canonical(long sequence, long timeMillis, String actor, String action, String objectId, String outcome, String detail) {
        byte[][] fields = {utf8(FORMAT), utf8(actor), utf8(action), utf8(objectId), utf8(outcome), utf8(detail)};
        int size = 2 * Long.BYTES;
        for (byte[] field : fields) {
            size += Integer.BYTES + field.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        putField(buffer, fields[0]);
        buffer.putLong(sequence).putLong(timeMillis);
        for (int i = 1; i < fields.length; i++) {
            putField(buffer, fields[i]);
        }
        return buffer.array();
    }

    static byte[] canonical(AuditEntry entry) {
        return canonical(entry.sequence(), entry.timeMillis(), entry.actor(), entry.action(), entry.objectId(),
            entry.outcome(), entry.detail());
    }

    static byte[] chain(byte[] prevHash, byte[] canonical) {
        MessageDigest sha256 = sha256();
        sha256.update(prevHash);
        return sha256.digest(canonical);
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    private static void putField(ByteBuffer buffer, byte[] field) {
        buffer.putInt(field.length).put(field);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
