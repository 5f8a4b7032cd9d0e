package org.smg.gateway.attachments;

import java.nio.charset.StandardCharsets;

/**
 * The traditional PKWARE ("ZipCrypto") stream cipher of APPNOTE 6.1, for writing password-protected test archives
 * (commons-compress reads but cannot write encrypted entries). Weak by design; test data only.
 */
final class TraditionalZipEncryption {
    private static final int[] CRC_TABLE = crcTable();

    private int key0 = 0x12345678;
    private int key1 = 0x23456789;
    private int key2 = 0x34567890;

    TraditionalZipEncryption(String password) {
        for (byte b : password.getBytes(StandardCharsets.UTF_8)) {
            update(b & 0xFF);
        }
    }

    /** The 12-byte encryption header (fixed filler, last byte the CRC's high byte) followed by the encrypted data. */
    byte[] encrypt(byte[] plain, long crc) {
        byte[] header = new byte[12];
        for (int i = 0; i < 11; i++) {
            header[i] = (byte) (i * 37 + 11);
        }
        header[11] = (byte) (crc >>> 24);
        byte[] out = new byte[header.length + plain.length];
        int index = 0;
        for (byte b : header) {
            out[index++] = encryptByte(b & 0xFF);
        }
        for (byte b : plain) {
            out[index++] = encryptByte(b & 0xFF);
        }
        return out;
    }

    private byte encryptByte(int plain) {
        int temp = (key2 | 2) & 0xFFFF;
        int cipher = plain ^ (((temp * (temp ^ 1)) >>> 8) & 0xFF);
        update(plain);
        return (byte) cipher;
    }

    private void update(int plain) {
        key0 = crc32(key0, plain);
        key1 = (key1 + (key0 & 0xFF)) * 134775813 + 1;
        key2 = crc32(key2, key1 >>> 24);
    }

    private static int crc32(int crc, int b) {
        return CRC_TABLE[(crc ^ b) & 0xFF] ^ (crc >>> 8);
    }

    private static int[] crcTable() {
        int[] table = new int[256];
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
            }
            table[n] = c;
        }
        return table;
    }
}
