package org.lscb.foundation.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/security.md B8: free text is stored as typed, but never with characters that change how it displays. */
class TextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "IMR \u202ePDF.exe", // right-to-left override
                "IMR \u202dfdp", // left-to-right override
                "\u202aPolice IMR\u202c", // left-to-right embedding and pop
                "\u202bPolice IMR\u202c", // right-to-left embedding and pop
                "\u2066Police IMR\u2069", // left-to-right isolate and pop
                "\u2067Police IMR\u2069", // right-to-left isolate and pop
                "\u2068Police IMR\u2069", // first-strong isolate and pop
                "Police\u0000IMR",
                "Police\nIMR"
            })
    void textThatDisplaysOtherwiseThanStored_isRefused(String title) {
        assertThatThrownBy(() -> Text.required(title, "title", 300))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("control characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Police IMR", "تقرير الشرطة\u200f", "Ysbyty Gwynedd – IMR", "Dr Zoë O'Brien"})
    void ordinaryTextInAnyScript_isKeptAsTyped(String title) {
        assertThat(Text.required("  " + title + " ", "title", 300)).isEqualTo(title);
    }

    /**
     * A lone UTF-16 surrogate (a JSON {@code "\\ud800"}) is no character: the database and every UTF-8 answer would
     * keep it as "?", so what the caller believes stored is not what is.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Police \ud800IMR", "Police IMR\udc00", "\udfff"})
    void aLoneSurrogateIsRefused(String title) {
        assertThatThrownBy(() -> Text.required(title, "title", 300)).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Police IMR \ud83d\ude00", "\ud835\udc00 report"})
    void charactersBeyondTheBasicPlane_areKeptAsTyped(String title) {
        assertThat(Text.required(title, "title", 300)).isEqualTo(title);
    }
}
