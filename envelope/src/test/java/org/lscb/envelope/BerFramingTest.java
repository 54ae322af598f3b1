package org.lscb.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The framing check over hand-made BER: what is well formed passes, each kind of damage fails (docs/security.md B1, B2). */
class BerFramingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "definite sequence,                 300504030102ff",
        "indefinite sequence,               30800403010203 0000",
        "nested indefinite,                 3080 3080 0401aa 0000 0000",
        "long-form length,                  3081030401aa",
        "empty sequence,                    3000",
    })
    void wellFormed_passes(String what, String hex) throws IOException {
        check(hex);
        checkWritten(hex);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "trailing byte,                          300304 01aa 00",
        "truncated content,                      30050403 0102",
        "truncated header,                       3081",
        "missing end-of-contents,                3080 0401aa",
        "end-of-contents in a definite element,  3004 0000 0000",
        "child longer than parent,               3003 0405 aabbccddee",
        "indefinite primitive,                   0480 aa 0000",
        "a huge declared length,                 3088 0102030405060708",
        "an end-of-contents byte flipped,        3080 0401aa 0001",
        "empty input,                            ''",
    })
    void damaged_fails(String what, String hex) {
        assertThatThrownBy(() -> check(hex)).as(what).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> checkWritten(hex)).as(what + ", written").isInstanceOf(IOException.class);
    }

    @Test
    void writtenThrough_theBytesReachTheStreamBelow() throws IOException {
        ByteArrayOutputStream below = new ByteArrayOutputStream();
        BerFraming.Output out = BerFraming.checking(below);

        out.write(HexFormat.of().parseHex("3080"));
        out.write(0x04);
        out.write(HexFormat.of().parseHex("01aa0000"));
        out.finish();

        assertThat(below.toByteArray()).isEqualTo(HexFormat.of().parseHex("3080 0401aa 0000".replace(" ", "")));
    }

    @Test
    void nestingDeeperThanTheLimit_fails() {
        String deep = "3080".repeat(BerFraming.MAX_DEPTH + 1) + "0000".repeat(BerFraming.MAX_DEPTH + 1);

        assertThatThrownBy(() -> check(deep)).isInstanceOf(IOException.class).hasMessageContaining("nesting");
        assertThat(BerFraming.MAX_DEPTH).isGreaterThanOrEqualTo(32);
    }

    /** The same check on bytes written in two pieces, as a step that writes an object sees them. */
    private static void checkWritten(String hex) throws IOException {
        byte[] bytes = HexFormat.of().parseHex(hex.replace(" ", "").replace("'", ""));
        BerFraming.Output out = BerFraming.checking(OutputStream.nullOutputStream());
        out.write(bytes, 0, bytes.length / 2);
        out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
        out.finish();
    }

    private static void check(String hex) throws IOException {
        byte[] bytes = HexFormat.of().parseHex(hex.replace(" ", "").replace("'", ""));
        try (BerFraming f = new BerFraming(new ByteArrayInputStream(bytes))) {
            f.finish();
        }
    }
}
