package org.smg.gateway.storage;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;

/**
 * AES-256 in counter mode under a key and initial counter made for one spooled file and held only in memory.
 * Counter mode lets a reader start at any byte: the keystream block for a position is the initial counter plus the
 * position's block number, so a ZIP central directory or a PDF trailer is read without decrypting what precedes it.
 * No authentication: the file lives for one message or one inspection in a private directory and dies with the key.
 */
final class AesCtr {
    private static final String TRANSFORMATION = "AES/CTR/NoPadding";
    private static final int BLOCK = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final byte[] initialCounter;

    private AesCtr(SecretKey key, byte[] initialCounter) {
        this.key = key;
        this.initialCounter = initialCounter;
    }

    /** A given key and initial counter: for tests of the counter arithmetic. */
    static AesCtr of(SecretKey key, byte[] initialCounter) {
        if (initialCounter.length != BLOCK) {
            throw new IllegalArgumentException("the initial counter must be " + BLOCK + " bytes");
        }
        return new AesCtr(key, initialCounter.clone());
    }

    /** A fresh random key and initial counter. */
    static AesCtr random() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            byte[] counter = new byte[BLOCK];
            RANDOM.nextBytes(counter);
            return new AesCtr(generator.generateKey(), counter);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256 is not available in this JVM", e);
        }
    }

    /** A cipher whose next byte encrypts (or decrypts: the same in CTR) the byte at {@code position}. */
    Cipher at(long position) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(counterBlock(position / BLOCK)));
            int skip = (int) (position % BLOCK);
            if (skip > 0) {
                cipher.update(new byte[skip]);
            }
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR is not available in this JVM", e);
        }
    }

    /** The initial counter plus {@code blocks}, as a 128-bit big-endian number wrapping around like the JDK's counter. */
    private byte[] counterBlock(long blocks) {
        byte[] counter = initialCounter.clone();
        long carry = blocks;
        for (int i = BLOCK - 1; i >= 0 && carry != 0; i--) {
            long sum = (counter[i] & 0xFFL) + (carry & 0xFFL);
            counter[i] = (byte) sum;
            carry = (carry >>> 8) + (sum >>> 8);
        }
        return counter;
    }

    @Override
    public String toString() {
        return "AesCtr[key hidden]";
    }
}
