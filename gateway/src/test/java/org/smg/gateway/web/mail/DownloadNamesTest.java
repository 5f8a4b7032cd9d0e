package org.smg.gateway.web.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DownloadNamesTest {

    @Test
    void safeShouldDropDirectoriesWhenTheNameHasAPath() {
        assertThat(DownloadNames.safe("../../etc/passwd")).isEqualTo("passwd");
        assertThat(DownloadNames.safe("C:\\Windows\\system32\\evil.dll")).isEqualTo("evil.dll");
    }

    @Test
    void safeShouldReplaceControlAndBidiCharactersWhenTheNameHasThem() {
        String safe = DownloadNames.safe("invoice\u202Efdp.exe\r\nX-Header: 1");

        assertThat(safe).doesNotContain("\u202E", "\r", "\n", ":").startsWith("invoice_fdp.exe");
    }

    @Test
    void safeShouldFallBackWhenNothingIsLeft() {
        assertThat(DownloadNames.safe("...")).isEqualTo("attachment");
        assertThat(DownloadNames.safe(null)).isEqualTo("attachment");
        assertThat(DownloadNames.safe("\"<>|")).isEqualTo("attachment");
    }

    @Test
    void safeShouldKeepTheExtensionWhenTheNameIsTooLong() {
        String safe = DownloadNames.safe("a".repeat(300) + ".pdf");

        assertThat(safe).hasSize(DownloadNames.MAX_LENGTH).endsWith(".pdf");
    }

    @Test
    void contentDispositionShouldCarryUtf8AndAsciiNamesWhenTheNameIsNotAscii() {
        String header = DownloadNames.contentDisposition("Steuerbescheid März \"2026\".pdf");

        assertThat(header).isEqualTo("attachment; filename=\"Steuerbescheid M_rz _2026_.pdf\"; "
            + "filename*=UTF-8''Steuerbescheid%20M%C3%A4rz%20_2026_.pdf");
    }
}
