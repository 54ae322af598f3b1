package org.lscb.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the server refuses before storing anything (docs/security.md B3, B4), each with a message naming what was found. */
class EnvelopeInspectorTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void opensslIsThere() {
        OpensslInteropTest.dir = dir;
        assumeTrue(OpensslInteropTest.run(List.of("openssl", "version"), null) == 0, "openssl is not installed");
    }

    @Test
    void plainBytes_areNotAnEnvelope() {
        assertThatThrownBy(() -> Envelopes.inspector().inspect(new ByteArrayInputStream("%PDF-1.7 an IMR".getBytes())))
                .isInstanceOf(UnsupportedEnvelopeException.class)
                .hasMessageContaining("not DER CMS")
                .hasMessageContaining("allowed:");
        assertThatThrownBy(() -> Envelopes.inspector().inspect(new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(UnsupportedEnvelopeException.class);
    }

    @Test
    void bareSignedData_isRefused() throws Exception {
        Identity author = TestKeys.rsa("Agency Author");
        Path in = OpensslInteropTest.write("bare", "imr".getBytes());
        Path signed = dir.resolve("bare.der");
        OpensslInteropTest.run(
                List.of(
                        "openssl",
                        "cms",
                        "-sign",
                        "-binary",
                        "-nodetach",
                        "-in",
                        in.toString(),
                        "-signer",
                        OpensslInteropTest.pem(author.certificate()).toString(),
                        "-inkey",
                        OpensslInteropTest.key(author).toString(),
                        "-outform",
                        "DER",
                        "-out",
                        signed.toString()),
                null);

        assertThatThrownBy(() -> inspect(signed))
                .isInstanceOf(UnsupportedEnvelopeException.class)
                .hasMessageContaining("bare SignedData");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "PKCS#1 v1.5 key transport | -aes-256-gcm | rsa_padding_mode:pkcs1 | PKCS#1 v1.5",
                "3DES                      | -des3        | rsa_padding_mode:oaep  | content encryption",
                "AES-128-CBC               | -aes128      | rsa_padding_mode:oaep  | content encryption",
                "OAEP with SHA-1           | -aes-256-gcm | rsa_padding_mode:oaep  | RSA-OAEP with hash",
            })
    void weakAlgorithms_areRefusedNamingWhatWasFound(String what, String cipher, String padding, String message)
            throws Exception {
        Identity reviewer = TestKeys.rsa("Reviewer");
        Path in = OpensslInteropTest.write("weak", "imr".getBytes());
        Path env = dir.resolve("weak" + what.hashCode() + ".der");
        int rc = OpensslInteropTest.run(
                List.of(
                        "openssl",
                        "cms",
                        "-encrypt",
                        "-binary",
                        cipher,
                        "-in",
                        in.toString(),
                        "-recip",
                        OpensslInteropTest.pem(reviewer.certificate()).toString(),
                        "-keyopt",
                        padding,
                        "-outform",
                        "DER",
                        "-out",
                        env.toString()),
                null);
        assertThat(rc).isZero();

        assertThatThrownBy(() -> inspect(env))
                .isInstanceOf(UnsupportedEnvelopeException.class)
                .hasMessageContaining(message);
    }

    private static EnvelopeInfo inspect(Path p) throws Exception {
        try (InputStream in = Files.newInputStream(p)) {
            return Envelopes.inspector().inspect(in);
        }
    }
}
