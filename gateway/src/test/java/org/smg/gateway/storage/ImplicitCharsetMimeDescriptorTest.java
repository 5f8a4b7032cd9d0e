package org.smg.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.james.mailbox.model.MimeDescriptor;
import org.apache.james.mailbox.store.MimeDescriptorImpl;
import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableList;

class ImplicitCharsetMimeDescriptorTest {
    private static final String MULTIPART = "Content-Type: multipart/mixed; boundary=\"b\"\r\n"
        + "\r\n"
        + "--b\r\n"
        + "\r\n"
        + "implicit text part\r\n"
        + "--b\r\n"
        + "Content-Type: text/plain; charset=US-ASCII\r\n"
        + "\r\n"
        + "explicit text part\r\n"
        + "--b\r\n"
        + "Content-Type: message/rfc822\r\n"
        + "\r\n"
        + "Content-Type: text/html\r\n"
        + "\r\n"
        + "<p>embedded</p>\r\n"
        + "--b--\r\n";

    @Test
    void contentTypeParametersShouldNameTheRfc2045DefaultWhenATextPartNamesNoCharset() throws Exception {
        MimeDescriptor james = describe("Content-Type: text/plain\r\n\r\nbody\r\n");

        Map<String, String> parameters = ImplicitCharsetMimeDescriptor.of(james).contentTypeParameters();

        assertThat(james.contentTypeParameters()).containsEntry("charset", "US-ASCII");
        assertThat(parameters).containsExactly(Map.entry("charset", "us-ascii"));
    }

    @Test
    void contentTypeParametersShouldNameTheRfc2045DefaultWhenThereIsNoContentType() throws Exception {
        MimeDescriptor described = ImplicitCharsetMimeDescriptor.of(describe("Subject: plain\r\n\r\nbody\r\n"));

        Map<String, String> parameters = described.contentTypeParameters();

        assertThat(parameters).containsExactly(Map.entry("charset", "us-ascii"));
    }

    @Test
    void contentTypeParametersShouldKeepTheCharsetAsWrittenWhenThePartNamesOne() throws Exception {
        MimeDescriptor described = ImplicitCharsetMimeDescriptor.of(describe("Content-Type: TEXT/PLAIN; CHARSET=US-ASCII; format=flowed\r\n\r\nbody\r\n"));

        Map<String, String> parameters = described.contentTypeParameters();

        assertThat(parameters).containsEntry("charset", "US-ASCII").containsEntry("format", "flowed");
    }

    @Test
    void contentTypeParametersShouldNameNoCharsetWhenThePartIsNotText() throws Exception {
        MimeDescriptor described = ImplicitCharsetMimeDescriptor.of(describe("Content-Type: image/png\r\n\r\nAAAA\r\n"));

        Map<String, String> parameters = described.contentTypeParameters();

        assertThat(parameters).doesNotContainKey("charset");
    }

    @Test
    void partsAndEmbeddedMessagesShouldNameTheDefaultOnlyWhereTheirCharsetIsImplicit() throws Exception {
        MimeDescriptor described = ImplicitCharsetMimeDescriptor.of(describe(MULTIPART));

        ImmutableList<MimeDescriptor> parts = ImmutableList.copyOf(described.parts());

        assertThat(parts).hasSize(3);
        assertThat(parts.get(0).contentTypeParameters()).containsEntry("charset", "us-ascii");
        assertThat(parts.get(1).contentTypeParameters()).containsEntry("charset", "US-ASCII");
        assertThat(parts.get(2).embeddedMessage().contentTypeParameters()).containsEntry("charset", "us-ascii");
    }

    private static MimeDescriptor describe(String message) throws Exception {
        return MimeDescriptorImpl.build(new ByteArrayInputStream(message.getBytes(StandardCharsets.US_ASCII)));
    }
}
