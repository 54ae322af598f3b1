package org.lscb.reviews.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The keyed hash that stands for a child across notifications (docs/security.md "Child identifiers"). */
class ChildKeyTest {

    static final LocalDate BORN = LocalDate.of(2025, 3, 1);

    private final ChildKey key = new ChildKey(bytes(1));

    @Test
    void sameChild_givesTheSameKey() {
        assertThat(key.of("9434765919", BORN)).isEqualTo(new ChildKey(bytes(1)).of("9434765919", BORN));
    }

    @Test
    void anotherNumberOrAnotherBirthday_givesAnotherKey() {
        String k = key.of("9434765919", BORN);

        assertThat(key.of("4010232137", BORN)).isNotEqualTo(k);
        assertThat(key.of("9434765919", BORN.plusDays(1))).isNotEqualTo(k);
    }

    @Test
    void anotherDeploymentKey_givesAnotherKeyForTheSameChild() {
        assertThat(new ChildKey(bytes(2)).of("9434765919", BORN)).isNotEqualTo(key.of("9434765919", BORN));
    }

    @Test
    void theKey_isSixtyFourHexDigitsHoldingNeitherTheNumberNorTheDate() {
        String k = key.of("9434765919", BORN);

        assertThat(k).hasSize(ChildKey.LENGTH).matches("[0-9a-f]{64}");
        assertThat(k).doesNotContain("9434765919").doesNotContain("20250301");
    }

    @Test
    void aShortKey_isRefused() {
        assertThatThrownBy(() -> new ChildKey(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThat(key.toString()).doesNotContain("1");
    }

    private static byte[] bytes(int fill) {
        byte[] b = new byte[ChildKey.KEY_BYTES];
        Arrays.fill(b, (byte) fill);
        return b;
    }
}
