package org.smg.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SessionCookieTest {
    private static final String ID = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456";

    @Test
    void setShouldCarryHostPrefixSecureHttpOnlyStrictAndRootPath() {

        String header = SessionCookie.set(ID);

        assertThat(header).isEqualTo("__Host-smg=" + ID + "; Path=/; Secure; HttpOnly; SameSite=Strict");
        assertThat(header).doesNotContain("Domain");
    }

    @Test
    void clearShouldExpireTheCookieWithTheSameAttributes() {

        String header = SessionCookie.clear();

        assertThat(header).startsWith("__Host-smg=;").contains("Path=/").contains("Secure").contains("HttpOnly")
            .contains("SameSite=Strict").endsWith("Max-Age=0");
    }

    @Test
    void readShouldFindOurCookieAmongOthers() {

        assertThat(SessionCookie.read(List.of("theme=dark; __Host-smg=" + ID + "; other=1"))).contains(ID);
    }

    @Test
    void readShouldIgnoreMalformedOrLookalikeCookies() {

        assertThat(SessionCookie.read(List.of("__Host-smg=short"))).isEmpty();
        assertThat(SessionCookie.read(List.of("smg=" + ID))).isEmpty();
        assertThat(SessionCookie.read(List.of("__Host-smg=" + ID.substring(1) + "!"))).isEmpty();
        assertThat(SessionCookie.read(null)).isEmpty();
    }
}
