package org.smg.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class AesCtrTest {
    private static final SecretKeySpec KEY = new SecretKeySpec(new byte[32], "AES");

    @Test
    void atShouldContinueTheJdkKeystreamWhenCounterWrapsAround() throws Exception {
        byte[] almostWrapping = new byte[16];
        Arrays.fill(almostWrapping, (byte) 0xFF);
        almostWrapping[15] = (byte) 0xFE;
        AesCtr ctr = AesCtr.of(KEY, almostWrapping);
        byte[] keystream = ctr.at(0).update(new byte[100]);

        for (int position = 0; position < 100; position++) {

            byte[] fromPosition = ctr.at(position).update(new byte[100 - position]);

            assertThat(fromPosition).as("position %d", position).isEqualTo(Arrays.copyOfRange(keystream, position, 100));
        }
    }

    @Test
    void atShouldCarryIntoHigherBytesWhenLowBytesOverflow() throws Exception {
        byte[] counter = new byte[16];
        Arrays.fill(counter, 8, 16, (byte) 0xFF);
        AesCtr ctr = AesCtr.of(KEY, counter);
        byte[] keystream = ctr.at(0).update(new byte[64]);

        byte[] fromSecondBlock = ctr.at(16).update(new byte[48]);

        assertThat(fromSecondBlock).isEqualTo(Arrays.copyOfRange(keystream, 16, 64));
    }

    @Test
    void toStringShouldNotShowTheKey() {
        assertThat(AesCtr.random().toString()).isEqualTo("AesCtr[key hidden]");
    }
}
