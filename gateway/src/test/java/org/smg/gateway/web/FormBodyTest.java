package org.smg.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FormBodyTest {

    @Test
    void parseShouldDecodeFieldsWhenFormIsUrlEncoded() throws Exception {

        FormBody form = FormBody.parse("address=jane%40example.gov&password=a+b%26c&empty=");

        assertThat(form.field("address")).isEqualTo("jane@example.gov");
        assertThat(form.field("password")).isEqualTo("a b&c");
        assertThat(form.field("empty")).isEmpty();
        assertThat(form.field("absent")).isEmpty();
        assertThat(form.optional("absent")).isEmpty();
    }

    @Test
    void parseShouldRefuseWhenAFieldIsSentTwice() {

        assertThatThrownBy(() -> FormBody.parse("csrf=a&csrf=b"))
            .isInstanceOf(FormBody.Refused.class)
            .hasMessage("The form field 'csrf' was sent twice.")
            .satisfies(e -> assertThat(((FormBody.Refused) e).status()).isEqualTo(400));
    }

    @Test
    void parseShouldRefuseWhenEncodingIsBroken() {

        assertThatThrownBy(() -> FormBody.parse("password=%zz"))
            .isInstanceOf(FormBody.Refused.class)
            .hasMessage("The form is not correctly encoded.");
    }
}
