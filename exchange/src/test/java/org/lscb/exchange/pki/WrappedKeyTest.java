package org.lscb.exchange.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lscb.foundation.value.InvalidValueException;

/** The shape of a key backup: every bound holds at its edge and is refused one step past it, naming the field. */
class WrappedKeyTest {

    /** The parts of a backup, to vary one at a time. */
    record Parts(String format, String kdf, int iterations, byte[] salt, byte[] nonce, byte[] ciphertext) {
        WrappedKey key() {
            return new WrappedKey(format, kdf, iterations, salt, nonce, ciphertext);
        }
    }

    private static Parts good() {
        return new Parts("lscb-key-backup-1", "PBKDF2-SHA256", 600_000, new byte[16], new byte[12], new byte[17]);
    }

    static java.util.stream.Stream<Arguments> refused() {
        return java.util.stream.Stream.of(
                refused(
                        "format",
                        p -> new Parts(
                                "lscb-key-backup-2", p.kdf(), p.iterations(), p.salt(), p.nonce(), p.ciphertext())),
                refused("format", p -> new Parts(null, p.kdf(), p.iterations(), p.salt(), p.nonce(), p.ciphertext())),
                refused(
                        "kdf",
                        p -> new Parts(p.format(), "PBKDF2-SHA1", p.iterations(), p.salt(), p.nonce(), p.ciphertext())),
                refused(
                        "kdf",
                        p -> new Parts(
                                p.format(), "pbkdf2-sha256", p.iterations(), p.salt(), p.nonce(), p.ciphertext())),
                refused(
                        "iterations",
                        p -> new Parts(p.format(), p.kdf(), 599_999, p.salt(), p.nonce(), p.ciphertext())),
                refused(
                        "iterations",
                        p -> new Parts(p.format(), p.kdf(), 10_000_001, p.salt(), p.nonce(), p.ciphertext())),
                refused("iterations", p -> new Parts(p.format(), p.kdf(), -1, p.salt(), p.nonce(), p.ciphertext())),
                refused(
                        "salt",
                        p -> new Parts(p.format(), p.kdf(), p.iterations(), new byte[15], p.nonce(), p.ciphertext())),
                refused(
                        "salt",
                        p -> new Parts(p.format(), p.kdf(), p.iterations(), new byte[17], p.nonce(), p.ciphertext())),
                refused("salt", p -> new Parts(p.format(), p.kdf(), p.iterations(), null, p.nonce(), p.ciphertext())),
                refused(
                        "nonce",
                        p -> new Parts(p.format(), p.kdf(), p.iterations(), p.salt(), new byte[11], p.ciphertext())),
                refused(
                        "nonce",
                        p -> new Parts(p.format(), p.kdf(), p.iterations(), p.salt(), new byte[13], p.ciphertext())),
                refused(
                        "ciphertext",
                        p -> new Parts(p.format(), p.kdf(), p.iterations(), p.salt(), p.nonce(), new byte[0])),
                refused(
                        "ciphertext",
                        p -> new Parts(p.format(), p.kdf(), p.iterations(), p.salt(), p.nonce(), new byte[16])),
                refused(
                        "ciphertext",
                        p -> new Parts(
                                p.format(), p.kdf(), p.iterations(), p.salt(), p.nonce(), new byte[16 * 1024 + 1])));
    }

    private static Arguments refused(String field, UnaryOperator<Parts> change) {
        return Arguments.of(field, change);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("refused")
    void aValuePastItsBound_isRefusedNamingTheField(String field, UnaryOperator<Parts> change) {
        Parts parts = change.apply(good());

        assertThatThrownBy(parts::key)
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void theEdgesThemselves_areAccepted() {
        Parts low = good();
        Parts high = new Parts(low.format(), low.kdf(), 10_000_000, low.salt(), low.nonce(), new byte[16 * 1024]);

        assertThat(low.key().iterations()).isEqualTo(600_000);
        assertThat(high.key().ciphertext()).hasSize(16 * 1024);
    }

    @Test
    void theKeyKeepsItsOwnCopies_soTheCallersArraysCannotChangeIt() {
        byte[] salt = new byte[16];
        WrappedKey key =
                new WrappedKey("lscb-key-backup-1", "PBKDF2-SHA256", 600_000, salt, new byte[12], new byte[17]);

        salt[0] = 1;
        key.salt()[1] = 1;

        assertThat(key.salt()).containsOnly(0);
    }
}
