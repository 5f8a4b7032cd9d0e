package org.smg.gateway.james;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.smg.gateway.auth.PasswordHashing;

class DataXmlTest {
    /** The decoy hashed for unknown accounts must cost what a real account's check costs. */
    @Test
    void usersRepositoryShouldHashWithTheAlgorithmOfTheDecoy() {
        String xml = DataXml.usersRepository();

        assertThat(xml).contains("<algorithm>" + PasswordHashing.ALGORITHM + "</algorithm>");
    }
}
