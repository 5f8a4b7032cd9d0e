package org.smg.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void contentSecurityPolicyShouldAllowOnlyOwnScriptFilesNoFramingAndNothingFromOtherSites() {

        String policy = SecurityHeaders.HEADERS.get("Content-Security-Policy");

        assertThat(policy).isEqualTo(
            "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        assertThat(policy).doesNotContain("unsafe").doesNotContain("http").doesNotContain("*");
    }

    @Test
    void headersShouldIncludeHstsNosniffNoReferrerAndNoStore() {

        assertThat(SecurityHeaders.HEADERS)
            .containsEntry("Strict-Transport-Security", "max-age=31536000")
            .containsEntry("X-Content-Type-Options", "nosniff")
            .containsEntry("Referrer-Policy", "no-referrer")
            .containsEntry("Cache-Control", "no-store");
    }
}
