package org.lscb.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code openssl cms} is a supported peer (docs/security.md): what it signs and encrypts we open and verify,
 * and what we seal it decrypts and verifies, for AES-256-GCM (AuthEnvelopedData) and AES-256-CBC.
 */
class OpensslInteropTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void opensslIsThere() {
        assumeTrue(run(List.of("openssl", "version"), null) == 0, "openssl is not installed");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"-aes-256-gcm, AUTH_ENVELOPED_AES256_GCM", "-aes256, ENVELOPED_AES256_CBC"})
    void opensslSignsAndEncrypts_weOpenAndNameTheSigner(String cipher, EnvelopeProfile profile) throws Exception {
        Identity author = TestKeys.rsa("Openssl Author");
        Identity reviewer = TestKeys.rsa("Reviewer");
        byte[] plain = EnvelopesTest.bytes(200_000);
        Path in = write("plain-" + cipher, plain);
        Path signed = dir.resolve("signed" + cipher + ".der");
        Path env = dir.resolve("env" + cipher + ".der");

        assertThat(run(
                        List.of(
                                "openssl",
                                "cms",
                                "-sign",
                                "-binary",
                                "-nodetach",
                                "-md",
                                "sha256",
                                "-in",
                                in.toString(),
                                "-signer",
                                pem(author.certificate()).toString(),
                                "-inkey",
                                key(author).toString(),
                                "-keyopt",
                                "rsa_padding_mode:pss",
                                "-outform",
                                "DER",
                                "-out",
                                signed.toString()),
                        null))
                .isZero();
        assertThat(run(
                        List.of(
                                "openssl",
                                "cms",
                                "-encrypt",
                                "-binary",
                                cipher,
                                "-in",
                                signed.toString(),
                                "-recip",
                                pem(reviewer.certificate()).toString(),
                                "-keyopt",
                                "rsa_padding_mode:oaep",
                                "-keyopt",
                                "rsa_oaep_md:sha256",
                                "-keyopt",
                                "rsa_mgf1_md:sha256",
                                "-outform",
                                "DER",
                                "-out",
                                env.toString()),
                        null))
                .isZero();

        OpenedEnvelope opened;
        try (InputStream envelope = Files.newInputStream(env)) {
            opened = Envelopes.opener(reviewer, TestKeys.ca().certificate())
                    .open(envelope, dir.resolve("opened" + cipher));
        }

        assertThat(Files.readAllBytes(dir.resolve("opened" + cipher))).isEqualTo(plain);
        assertThat(opened.signedBy()).isEqualTo("CN=Openssl Author");
        assertThat(opened.profile()).isEqualTo(profile);
        try (InputStream envelope = Files.newInputStream(env)) {
            assertThat(Envelopes.inspector().inspect(envelope).addressedToAll(List.of(reviewer.certificate())))
                    .isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"AUTH_ENVELOPED_AES256_GCM", "ENVELOPED_AES256_CBC"})
    void weSeal_opensslDecryptsAndVerifies(EnvelopeProfile profile) throws Exception {
        Identity author = TestKeys.rsa("Agency Author");
        Identity reviewer = TestKeys.rsa("Reviewer");
        byte[] plain = EnvelopesTest.bytes(150_000);
        Path env = dir.resolve("ours-" + profile + ".der");
        try (OutputStream out = Files.newOutputStream(env)) {
            Envelopes.sealer(profile, author, List.of(reviewer.certificate()))
                    .seal(new java.io.ByteArrayInputStream(plain), out);
        }
        assertThat(openedByOpenssl(env, reviewer, "ours-" + profile)).isEqualTo(plain);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"AUTH_ENVELOPED_AES256_GCM", "ENVELOPED_AES256_CBC"})
    void anEnvelopeWithAGrantedRecipient_isOpenedByOpenssl(EnvelopeProfile profile) throws Exception {
        Identity author = TestKeys.rsa("Agency Author");
        Identity board = TestKeys.ec("Board");
        Identity late = TestKeys.rsa("Late Reviewer");
        byte[] plain = EnvelopesTest.bytes(70_000);
        byte[] envelope = EnvelopesTest.seal(Envelopes.sealer(profile, author, List.of(board.certificate())), plain);
        byte[] grant =
                Envelopes.granter(board).grant(new java.io.ByteArrayInputStream(envelope), List.of(late.certificate()));
        Path spliced = dir.resolve("spliced-" + profile + ".der");
        try (OutputStream out = Files.newOutputStream(spliced)) {
            Envelopes.splice()
                    .addRecipients(
                            new java.io.ByteArrayInputStream(envelope),
                            Envelopes.splice().parseGranted(grant),
                            out);
        }
        assertThat(openedByOpenssl(spliced, late, "spliced-" + profile)).isEqualTo(plain);
    }

    static Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    static Path pem(java.security.cert.X509Certificate c) throws Exception {
        Path p = dir.resolve("cert-" + c.getSerialNumber() + ".pem");
        Files.writeString(
                p,
                "-----BEGIN CERTIFICATE-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(c.getEncoded())
                        + "\n-----END CERTIFICATE-----\n");
        return p;
    }

    static Path key(Identity id) throws IOException {
        Path p = dir.resolve("key-" + id.certificate().getSerialNumber() + ".pem");
        Files.writeString(
                p,
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(id.privateKey().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n");
        return p;
    }

    /** Runs a command, its output appended to {@code log} (null: this class's openssl.log); its exit status, or -1. */
    static int run(List<String> command, Path log) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(command))
                    .redirectErrorStream(true)
                    .redirectOutput(
                            ProcessBuilder.Redirect.appendTo((log != null ? log : dir.resolve("openssl.log")).toFile()))
                    .start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * What {@code openssl cms -decrypt} with the recipient's key, then {@code -verify} against the deployment CA,
     * make of an envelope (each must succeed); {@code name} names the intermediate files.
     */
    private byte[] openedByOpenssl(Path envelope, Identity recipient, String name) throws Exception {
        Path signed = dir.resolve(name + "-signed.der");
        Path back = dir.resolve(name + "-plain");
        assertThat(run(
                        List.of(
                                "openssl",
                                "cms",
                                "-decrypt",
                                "-binary",
                                "-inform",
                                "DER",
                                "-in",
                                envelope.toString(),
                                "-recip",
                                pem(recipient.certificate()).toString(),
                                "-inkey",
                                key(recipient).toString(),
                                "-out",
                                signed.toString()),
                        null))
                .isZero();
        assertThat(run(
                        List.of(
                                "openssl",
                                "cms",
                                "-verify",
                                "-binary",
                                "-inform",
                                "DER",
                                "-in",
                                signed.toString(),
                                "-CAfile",
                                pem(TestKeys.ca().certificate()).toString(),
                                "-out",
                                back.toString()),
                        null))
                .isZero();
        return Files.readAllBytes(back);
    }
}
