package org.smg.policies.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizeParserTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "512, 512",
        "512K, 524288",
        "512k, 524288",
        "100M, 104857600",
        "5000m, 5242880000",
        "1G, 1073741824",
        "2g, 2147483648",
        "8589934591G, 9223372035781033984"})
    void parseShouldMultiplyByPowersOf1024(String text, long bytes) {
        long parsed = SizeParser.parse(text);

        assertThat(parsed).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1.5M", "10X", "M", "1 K", "+1K", "1KB", "8589934592G", "99999999999999999999",
        "\u0661K"})
    void parseShouldRefuseMalformedOrOverflowingSizes(String text) {
        assertThatThrownBy(() -> SizeParser.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a size such as 512K, 100M or 1G, got '" + text + "'");
    }

    @Test
    void parseShouldCallAnEmptyValueEmpty() {
        assertThatThrownBy(() -> SizeParser.parse(""))
                .hasMessage("empty value; expected a size such as 512K, 100M or 1G");
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "64, 64", "1024, 1K", "1536, 1536", "1048576, 1M", "2147483648, 2G", "1073741825, 1073741825"})
    void formatShouldUseTheLargestWholeSuffix(long bytes, String text) {
        String formatted = SizeParser.format(bytes);

        assertThat(formatted).isEqualTo(text);
    }
}
