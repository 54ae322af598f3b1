package org.lscb.server.json;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lscb.server.error.MalformedJsonException;

class JsonDepthTest {

    @Test
    void nestingBeyondTheLimit_isRefusedBeforeParsing() {
        byte[] deep = ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> JsonDepth.check(deep)).isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void bracketsInsideStrings_doNotCount() {
        byte[] body =
                ("{\"a\":\"" + "[".repeat(100) + "\\\"" + "{".repeat(100) + "\"}").getBytes(StandardCharsets.UTF_8);

        assertThatCode(() -> JsonDepth.check(body)).doesNotThrowAnyException();
    }

    @Test
    void nestingAtTheLimit_isAccepted() {
        byte[] body =
                ("[".repeat(JsonDepth.MAX_DEPTH) + "]".repeat(JsonDepth.MAX_DEPTH)).getBytes(StandardCharsets.UTF_8);

        assertThatCode(() -> JsonDepth.check(body)).doesNotThrowAnyException();
    }
}
