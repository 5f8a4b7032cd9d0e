package org.smg.gateway.routing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.google.common.io.BaseEncoding;

/**
 * Makes and checks the token of a reply address {@code reply+<token>@<gateway domain>}: a thread id
 * (16 base32 characters, 80 random bits) followed by a MAC (24 base32 characters: HMAC-SHA256 truncated
 * to 120 bits) over the thread id, the citizen's address and the staff address.
 *
 * <p>Security guarantees: without the key nobody can make a token that {@link #verifies} for a given
 * citizen and staff address, nor change a character of one and keep it valid, nor move a token from one
 * citizen to another (the citizen is under the MAC). The token does not carry the staff address: it is
 * found only through the gateway's own thread table, by thread id. Lower-case base32 survives mail
 * systems that fold the case of local parts. Addresses are compared without case.
 */
public final class ReplyTokens {
    /** Characters of the thread id part. */
    static final int THREAD_ID_LENGTH = 16;
    /** Characters of the MAC part: 15 bytes of the HMAC. */
    static final int MAC_LENGTH = 24;
    static final int TOKEN_LENGTH = THREAD_ID_LENGTH + MAC_LENGTH;
    private static final int MAC_BYTES = 15;
    private static final int THREAD_ID_BYTES = 10;
    private static final int MIN_KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    /** Domain separation: a MAC made here means nothing to any other use of the key, and a later format changes it. */
    private static final byte[] CONTEXT = "smg-reply-address-v1".getBytes(StandardCharsets.US_ASCII);
    private static final BaseEncoding BASE32 = BaseEncoding.base32().lowerCase().omitPadding();
    private static final Pattern TOKEN = Pattern.compile("[a-z2-7]{" + TOKEN_LENGTH + "}");
    private static final Pattern THREAD_ID = Pattern.compile("[a-z2-7]{" + THREAD_ID_LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private ReplyTokens(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** @throws IllegalArgumentException when the key is shorter than 32 bytes */
    public static ReplyTokens withKey(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the reply address key needs at least " + MIN_KEY_BYTES + " bytes, got " + key.length);
        }
        return new ReplyTokens(key.clone());
    }

    /** A fresh random thread id. */
    public static String newThreadId() {
        byte[] random = new byte[THREAD_ID_BYTES];
        RANDOM.nextBytes(random);
        return BASE32.encode(random);
    }

    /** The token for this thread, citizen and staff address. */
    public String token(String threadId, String citizen, String staff) {
        if (!THREAD_ID.matcher(threadId).matches()) {
            throw new IllegalArgumentException("not a thread id");
        }
        return threadId + BASE32.encode(mac(threadId, citizen, staff));
    }

    /** The thread id of a token that has the token's form (nothing verified yet), lower-cased. */
    public static Optional<String> threadIdOf(String token) {
        String folded = token.toLowerCase(Locale.ROOT);
        return TOKEN.matcher(folded).matches() ? Optional.of(folded.substring(0, THREAD_ID_LENGTH)) : Optional.empty();
    }

    /** Whether the token was made by {@link #token} for exactly this citizen and staff address; compared in constant time. */
    public boolean verifies(String token, String citizen, String staff) {
        Optional<String> threadId = threadIdOf(token);
        if (threadId.isEmpty()) {
            return false;
        }
        byte[] given = BASE32.decode(token.toLowerCase(Locale.ROOT).substring(THREAD_ID_LENGTH));
        return MessageDigest.isEqual(given, mac(threadId.get(), citizen, staff));
    }

    private byte[] mac(String threadId, String citizen, String staff) {
        try {
            Mac hmac = Mac.getInstance(ALGORITHM);
            hmac.init(key);
            hmac.update(CONTEXT);
            // Each field is preceded by its length, so no two different triples give the same input.
            for (String field : new String[] {threadId, citizen.toLowerCase(Locale.ROOT), staff.toLowerCase(Locale.ROOT)}) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                hmac.update(new byte[] {(byte) (bytes.length >>> 8), (byte) bytes.length});
                hmac.update(bytes);
            }
            return Arrays.copyOf(hmac.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "ReplyTokens[key hidden]";
    }
}
