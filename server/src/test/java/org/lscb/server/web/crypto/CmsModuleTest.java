package org.lscb.server.web.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.lscb.server.web.crypto.ModuleBrowser.bytes;
import static org.lscb.server.web.crypto.ModuleBrowser.bytesList;
import static org.lscb.server.web.crypto.ModuleBrowser.bytesOf;
import static org.lscb.server.web.crypto.TestPki.der;
import static org.lscb.server.web.crypto.TestPki.inBrowser;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lscb.envelope.EnvelopeOpeningException;
import org.lscb.envelope.EnvelopeProfile;
import org.lscb.envelope.Envelopes;
import org.lscb.envelope.Identity;
import org.lscb.envelope.OpenedEnvelope;
import org.lscb.envelope.internal.GcmContentEncryptor;
import org.lscb.envelope.internal.JdkSignatures;
import org.lscb.exchange.pki.Pem;
import org.lscb.server.Openssl;

/**
 * cms.js against the Java envelope module and openssl: what the browser seals, the Java Opener and
 * {@code openssl cms} open and verify; what they seal, the browser opens and names the signer of; a grant
 * made in the browser is spliced by the server's RecipientSplice and opens in Java; a receipt signed in the
 * browser verifies with ReceiptSignature and openssl. Then the hostile inputs the Java opener is tested
 * with: each ends in an EnvelopeError with a sentence, and nothing opens that should not.
 */
@ExtendWith(ModuleBrowser.class)
class CmsModuleTest {

    private static final String SEAL = """
            const cms = await load('cms.js');
            const [plaintext, author, certificate, recipients] = args;
            return cms.seal({ plaintext, signer: { signingKey: kept[author].sign, certificate }, recipients });
            """;

    /** Opens, answering {opened} or {refused: {name, code, message}} so that the code can be checked too. */
    private static final String OPEN = """
            const cms = await load('cms.js');
            const [envelope, me, certificate, ca, revoked] = args;
            try {
              return { opened: await cms.open({ envelope, me: { decryptionKey: kept[me].decrypt, certificate }, ca,
                isRevoked: async (c) => { if (!(c instanceof Uint8Array) || c[0] !== 0x30) throw new Error('not the DER certificate'); if (revoked === 'throw') throw new Error('the server did not answer'); return revoked; } }) };
            } catch (e) {
              return { refused: { name: e.name, code: e.code ?? null, message: e.message } };
            }
            """;

    /** Opens each variant of an envelope (cut to a length, or one bit flipped) and says how each ended. */
    private static final String OPEN_VARIANTS = """
            const cms = await load('cms.js');
            const [envelope, me, certificate, ca, plain, cuts, flips] = args;
            const variants = [...cuts.map((n) => ['cut to ' + n, envelope.slice(0, n)]),
              ...flips.map((at) => { const b = envelope.slice(); b[at] ^= 0x01; return ['flip at ' + at, b]; })];
            const out = [];
            for (const [label, bytes] of variants) {
              try {
                const r = await cms.open({ envelope: bytes, me: { decryptionKey: kept[me].decrypt, certificate }, ca,
                  isRevoked: async () => false });
                const same = r.plaintext.length === plain.length && r.plaintext.every((b, i) => b === plain[i]);
                out.push({ label, opened: true, same, signer: r.signer.subject });
              } catch (e) {
                out.push({ label, name: e.name, code: e.code ?? null, message: e.message });
              }
            }
            return out;
            """;

    @TempDir
    Path dir;

    // ---- the browser seals ----

    @ParameterizedTest(name = "{0} author")
    @ValueSource(strings = {"RSA", "EC"})
    void whatTheBrowserSeals_javaOpensByteIdentical_forEachRecipient_andItIsDer(String kind, ModuleBrowser browser)
            throws Exception {
        Identity author = kind.equals("RSA") ? TestPki.rsa("Agency Author") : TestPki.ec("EC Author");
        List<Identity> recipients =
                List.of(TestPki.rsa("Reviewer"), TestPki.ec("Board"), TestPki.ecP384("P384 Reviewer"));
        byte[] plain = document(300_000);

        byte[] envelope = browserSeal(browser, author, plain, recipients);

        for (Identity r : recipients) {
            Path out = dir.resolve("opened-" + TestPki.name(r));
            OpenedEnvelope opened = javaOpen(r, envelope, out);
            assertThat(Files.readAllBytes(out))
                    .as("opened by %s", TestPki.name(r))
                    .isEqualTo(plain);
            assertThat(opened.signer()).isEqualTo(author.certificate());
            assertThat(opened.profile()).isEqualTo(EnvelopeProfile.AUTH_ENVELOPED_AES256_GCM);
        }
        assertThat(ASN1Primitive.fromByteArray(envelope).getEncoded("DER"))
                .as("written in DER, definite lengths")
                .isEqualTo(envelope);
        assertThat(Envelopes.inspector()
                        .inspect(new ByteArrayInputStream(envelope))
                        .addressedToAll(
                                recipients.stream().map(Identity::certificate).toList()))
                .isTrue();
    }

    @ParameterizedTest(name = "{0} author")
    @ValueSource(strings = {"RSA", "EC"})
    void whatTheBrowserSeals_opensslDecryptsAndVerifiesAgainstTheCa(String kind, ModuleBrowser browser) {
        assumeTrue(Openssl.isInstalled(), "openssl is not installed");
        Identity author = kind.equals("RSA") ? TestPki.rsa("Agency Author") : TestPki.ec("EC Author");
        List<Identity> recipients = List.of(TestPki.rsa("Reviewer"), TestPki.ec("Board"));
        byte[] plain = document(70_000);

        byte[] envelope = browserSeal(browser, author, plain, recipients);

        for (Identity r : recipients) {
            assertThat(openedByOpenssl(envelope, r, kind + "-" + TestPki.name(r)))
                    .isEqualTo(plain);
        }
    }

    @Test
    void anEmptyDocument_roundTrips(ModuleBrowser browser) throws Exception {
        Identity author = TestPki.ec("EC Author");
        Identity reviewer = TestPki.rsa("Reviewer");

        byte[] envelope = browserSeal(browser, author, new byte[0], List.of(reviewer));

        javaOpen(reviewer, envelope, dir.resolve("empty"));
        assertThat(Files.size(dir.resolve("empty"))).isZero();
        assertThat(bytesOf(
                        opened(browserOpen(browser, reviewer, envelope, false)).get("plaintext")))
                .isEmpty();
    }

    @Test
    void sealing_refusesRecipientsOutsideTheProfile_andASigningKeyThatIsNotTheCertificates(ModuleBrowser browser) {
        Identity author = TestPki.ec("EC Author");
        inBrowser(browser, author);

        Map<String, Object> none = sealRefusal(browser, author, der(author.certificate()), List.of());
        Map<String, Object> weak = sealRefusal(
                browser,
                author,
                der(author.certificate()),
                List.of(X509ModuleTest.selfSigned("CN=Weak", TestPki.generate("RSA", 2048))));
        Map<String, Object> otherKey = sealRefusal(
                browser,
                author,
                der(TestPki.ec("Board").certificate()),
                List.of(der(TestPki.rsa("Reviewer").certificate())));

        assertThat(none.get("message")).asString().contains("at least one recipient");
        assertThat(weak.get("message")).asString().contains("at least 3072 bits, not 2048");
        assertThat(otherKey.get("message"))
                .asString()
                .contains("The signing key is not the key of the certificate CN=Board");
    }

    // ---- the browser opens ----

    @ParameterizedTest(name = "{0} author, {1} recipient")
    @org.junit.jupiter.params.provider.CsvSource({"RSA, RSA", "RSA, EC", "EC, EC", "EC, RSA", "EC, P384"})
    void whatJavaSeals_theBrowserOpensByteIdentical_andNamesTheSigner(
            String authorKind, String recipientKind, ModuleBrowser browser) throws Exception {
        Identity author = authorKind.equals("RSA") ? TestPki.rsa("Agency Author") : TestPki.ec("EC Author");
        Identity recipient = switch (recipientKind) {
            case "RSA" -> TestPki.rsa("Reviewer");
            case "EC" -> TestPki.ec("Board");
            default -> TestPki.ecP384("P384 Reviewer");
        };
        byte[] plain = document(1 << 20);

        byte[] envelope = javaSeal(EnvelopeProfile.AUTH_ENVELOPED_AES256_GCM, author, plain, recipient);
        Map<String, Object> opened = opened(browserOpen(browser, recipient, envelope, false));

        assertThat(bytesOf(opened.get("plaintext"))).isEqualTo(plain);
        assertSigner(opened, author);
        assertThat(opened.get("profile")).isEqualTo("AES-256-GCM");
    }

    @Test
    void anAes256CbcEnvelopeFromJava_opensToo(ModuleBrowser browser) throws Exception {
        Identity author = TestPki.rsa("Agency Author");
        List<Identity> recipients = List.of(TestPki.rsa("Reviewer"), TestPki.ec("Board"));
        byte[] plain = document(50_000);

        byte[] envelope =
                javaSeal(EnvelopeProfile.ENVELOPED_AES256_CBC, author, plain, recipients.toArray(Identity[]::new));

        for (Identity r : recipients) {
            Map<String, Object> opened = opened(browserOpen(browser, r, envelope, false));
            assertThat(bytesOf(opened.get("plaintext"))).isEqualTo(plain);
            assertThat(opened.get("profile")).isEqualTo("AES-256-CBC");
            assertSigner(opened, author);
        }
    }

    /** openssl's envelopes, of its own -nodetach SignedData: Java opens them (OpensslInteropTest), and so must the browser. */
    @ParameterizedTest(name = "{0} recipient, {1}, by key identifier: {2}")
    @org.junit.jupiter.params.provider.CsvSource({
        "RSA, -aes-256-gcm, false",
        "EC, -aes-256-gcm, false",
        "RSA, -aes256, false",
        "EC, -aes256, false",
        "RSA, -aes-256-gcm, true",
        "EC, -aes-256-gcm, true"
    })
    void whatOpensslSignsAndSeals_javaAndTheBrowserOpen(
            String recipientKind, String cipher, boolean byKeyIdentifier, ModuleBrowser browser) throws Exception {
        assumeTrue(Openssl.isInstalled(), "openssl is not installed");
        Identity author = recipientKind.equals("RSA") ? TestPki.rsa("Agency Author") : TestPki.ec("EC Author");
        Identity recipient = recipientKind.equals("RSA") ? TestPki.rsa("Reviewer") : TestPki.ec("Board");
        byte[] plain = document(120_000);
        String name = "openssl-" + recipientKind + cipher + (byKeyIdentifier ? "-keyid" : "");
        Path in = TestPki.file(name + ".txt", plain);
        Path signed = dir.resolve(name + ".signed");
        Path envelopeFile = dir.resolve(name + ".der");
        List<String> encrypt = new ArrayList<>(List.of(
                "cms",
                "-encrypt",
                "-binary",
                cipher,
                "-in",
                signed.toString(),
                "-recip",
                TestPki.pem(recipient.certificate()).toString(),
                "-outform",
                "DER",
                "-out",
                envelopeFile.toString()));
        if (byKeyIdentifier) {
            encrypt.add("-keyid"); // the recipient named by subject key identifier, not issuer and serial number
        }
        if (recipientKind.equals("RSA")) {
            encrypt.addAll(List.of(
                    "-keyopt",
                    "rsa_padding_mode:oaep",
                    "-keyopt",
                    "rsa_oaep_md:sha256",
                    "-keyopt",
                    "rsa_mgf1_md:sha256"));
        } else {
            encrypt.addAll(List.of("-keyopt", "ecdh_kdf_md:sha256"));
        }
        Openssl.cmsSign(
                in,
                TestPki.pem(author.certificate()),
                TestPki.keyPem(author),
                signed,
                recipientKind.equals("RSA") ? new String[] {"-keyopt", "rsa_padding_mode:pss"} : new String[0]);
        Openssl.ok(encrypt.toArray(String[]::new));
        byte[] envelope = Files.readAllBytes(envelopeFile);

        Map<String, Object> byBrowser = opened(browserOpen(browser, recipient, envelope, false));

        assertThat(bytesOf(byBrowser.get("plaintext"))).isEqualTo(plain);
        assertSigner(byBrowser, author);
        assertThat(byBrowser.get("profile")).isEqualTo(cipher.equals("-aes-256-gcm") ? "AES-256-GCM" : "AES-256-CBC");
        // Bouncy Castle finds a key agreement recipient by issuer and serial number only, so the Java Opener misses an
        // rKeyId (RFC 5652 section 6.2.2) that the browser finds; everything else Java opens as well
        if (!(byKeyIdentifier && recipientKind.equals("EC"))) {
            javaOpen(recipient, envelope, dir.resolve(name + ".java"));
            assertThat(Files.readAllBytes(dir.resolve(name + ".java"))).isEqualTo(plain);
        }
    }

    // ---- grants ----

    /** Journey 3's browser half: an officer's browser grants with the board key, the server splices, the late reviewer opens. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(EnvelopeProfile.class)
    void aGrantMadeInTheBrowser_isSplicedByTheServer_andTheNewRecipientsOpen(
            EnvelopeProfile profile, ModuleBrowser browser) throws Exception {
        Identity author = TestPki.rsa("Agency Author");
        Identity board = TestPki.ec("Board");
        Identity lateRsa = TestPki.rsa("Late Reviewer");
        Identity lateEc = TestPki.ecP384("Late Coroner");
        byte[] plain = document(90_000);
        byte[] envelope = javaSeal(profile, author, plain, board);

        byte[] grant = bytesOf(browser.run(
                """
                const cms = await load('cms.js');
                const [envelope, me, certificate, recipients] = args;
                const key = await cms.unwrapContentKey(envelope, { decryptionKey: kept[me].decrypt, certificate });
                return cms.recipientInfosFor(key, recipients);
                """,
                bytes(envelope),
                inBrowser(browser, board),
                bytes(der(board.certificate())),
                bytesList(List.of(der(lateRsa.certificate()), der(lateEc.certificate())))));
        ByteArrayOutputStream spliced = new ByteArrayOutputStream();
        var splice = Envelopes.splice();
        splice.addRecipients(new ByteArrayInputStream(envelope), splice.parseGranted(grant), spliced);

        assertThat(ASN1Primitive.fromByteArray(grant).getEncoded("DER"))
                .as("a DER SET OF")
                .isEqualTo(grant);
        for (Identity late : List.of(lateRsa, lateEc)) {
            Path out = dir.resolve("late-" + TestPki.name(late));
            OpenedEnvelope opened = javaOpen(late, spliced.toByteArray(), out);
            assertThat(Files.readAllBytes(out)).isEqualTo(plain);
            assertThat(opened.signer()).isEqualTo(author.certificate());
            assertThat(bytesOf(opened(browserOpen(browser, late, spliced.toByteArray(), false))
                            .get("plaintext")))
                    .isEqualTo(plain);
        }
    }

    @Test
    void aGrantByAHolderTheEnvelopeIsNotAddressedTo_isRefused(ModuleBrowser browser) throws Exception {
        byte[] envelope = javaSeal(
                EnvelopeProfile.AUTH_ENVELOPED_AES256_GCM,
                TestPki.rsa("Agency Author"),
                document(100),
                TestPki.ec("Board"));
        Identity stranger = TestPki.ec("Stranger EC");

        Object refusal =
                browser.run("""
                const cms = await load('cms.js');
                const [envelope, me, certificate] = args;
                try { await cms.unwrapContentKey(envelope, { decryptionKey: kept[me].decrypt, certificate }); return null; }
                catch (e) { return { name: e.name, code: e.code, message: e.message }; }
                """, bytes(envelope), inBrowser(browser, stranger), bytes(der(stranger.certificate())));

        assertThat(refusal)
                .asString()
                .contains("EnvelopeError", "not-recipient", "You are not a recipient of this document");
    }

    // ---- receipts ----

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"RSA", "EC"})
    void aReceiptSignedInTheBrowser_verifiesWithReceiptSignatureAndOpenssl(String kind, ModuleBrowser browser) {
        Identity coroner = kind.equals("RSA") ? TestPki.rsa("Reviewer") : TestPki.ec("Coroner");
        String sha256 = HexFormat.of().formatHex(sha256(document(1000)));

        byte[] receipt = bytesOf(
                browser.run("""
                const cms = await load('cms.js');
                const [sha256Hex, me, certificate] = args;
                return cms.signReceipt({ sha256Hex, signingKey: kept[me].sign, certificate });
                """, sha256.toUpperCase(), inBrowser(browser, coroner), bytes(der(coroner.certificate()))));

        assertThat(Envelopes.receiptSignature().verify(receipt, sha256)).isEqualTo(coroner.certificate());
        if (Openssl.isInstalled()) {
            Path content = TestPki.file("receipt-" + kind + ".txt", sha256.getBytes(StandardCharsets.US_ASCII));
            Path signature = TestPki.file("receipt-" + kind + ".der", receipt);
            Openssl.cmsVerify(
                    signature,
                    TestPki.pem(TestPki.ca().certificate()),
                    dir.resolve("receipt-out"),
                    "-content",
                    content.toString());
        }
    }

    // ---- hostile input ----

    /** As EnvelopesTest.truncatedAtAnyLength: every cut of a Java (BER) and a browser (DER) envelope is refused with a sentence. */
    @ParameterizedTest(name = "sealed by {0}")
    @ValueSource(strings = {"Java", "browser"})
    void anEnvelopeCutAnywhere_isRefusedWithASentence(String sealer, ModuleBrowser browser) throws Exception {
        Identity reviewer = TestPki.rsa("Reviewer");
        byte[] plain = document(20_000);
        byte[] envelope = sealer.equals("Java")
                ? javaSeal(EnvelopeProfile.AUTH_ENVELOPED_AES256_GCM, TestPki.rsa("Agency Author"), plain, reviewer)
                : browserSeal(browser, TestPki.rsa("Agency Author"), plain, List.of(reviewer));
        List<Integer> cuts = IntStream.range(0, envelope.length)
                .filter(n -> n < 800 || n % 97 == 0 || n > envelope.length - 64)
                .boxed()
                .toList();

        List<Map<String, Object>> results = variants(browser, reviewer, envelope, plain, cuts, List.of());

        assertThat(results).hasSize(cuts.size()).allSatisfy(r -> {
            assertThat(r).as("%s", r).doesNotContainKey("opened");
            assertThat(r.get("name")).as("%s", r).isEqualTo("EnvelopeError");
            assertThat(r.get("message")).asString().as("%s", r).isNotBlank().doesNotContain("undefined");
        });
    }

    /**
     * As EnvelopesTest.aFlippedByteAnywhere and OuterSignatureTest: one bit flipped at every offset is refused with a
     * sentence, or changes nothing that opening answers (a bit no one reads, such as Bouncy Castle's explicit curve
     * parameters of the sender's key). Flips in the encrypted key, the content and the tag are always refused.
     */
    @ParameterizedTest(name = "sealed by {0} to {1}")
    @org.junit.jupiter.params.provider.CsvSource({"Java, RSA", "Java, EC", "browser, RSA", "browser, EC"})
    void aBitFlippedAnywhere_isRefusedOrChangesNothing(String sealer, String recipientKind, ModuleBrowser browser)
            throws Exception {
        Identity recipient = recipientKind.equals("RSA") ? TestPki.rsa("Reviewer") : TestPki.ec("Board");
        Identity author = TestPki.ec("EC Author");
        byte[] plain = document(1_000);
        byte[] envelope = sealer.equals("Java")
                ? javaSeal(EnvelopeProfile.AUTH_ENVELOPED_AES256_GCM, author, plain, recipient)
                : browserSeal(browser, author, plain, List.of(recipient));
        List<Integer> flips = IntStream.range(0, envelope.length).boxed().toList();

        List<Map<String, Object>> results = variants(browser, recipient, envelope, plain, List.of(), flips);

        assertThat(results).allSatisfy(r -> {
            if (r.containsKey("opened")) {
                assertThat(r.get("same")).as("%s", r).isEqualTo(true);
                assertThat(r.get("signer")).as("%s", r).asString().startsWith("CN=EC Author");
            } else {
                assertThat(r.get("name")).as("%s", r).isEqualTo("EnvelopeError");
                assertThat(r.get("message")).asString().isNotBlank();
            }
        });
        int contentAt = indexOf(envelope, Arrays.copyOfRange(envelope, envelope.length / 2, envelope.length / 2 + 8));
        int tagAt = sealer.equals("Java") ? envelope.length - 24 + 2 : envelope.length - 16;
        for (int at : new int[] {contentAt, tagAt, tagAt + 15}) {
            assertThat(results.get(at).get("message"))
                    .as("flip at %d", at)
                    .isEqualTo("This document was changed after it was sealed: its authentication tag does not match");
        }
        long opened = results.stream().filter(r -> r.containsKey("opened")).count();
        assertThat(opened).as("flips that opened unchanged").isLessThan(envelope.length / 10);
    }

    @Test
    void absurdLengths_areRefusedWithoutReadingOrAllocating(ModuleBrowser browser) throws Exception {
        Identity reviewer = TestPki.rsa("Reviewer");
        byte[] envelope = browserSeal(browser, TestPki.ec("EC Author"), document(500), List.of(reviewer));
        byte[] body = Arrays.copyOfRange(envelope, 4, envelope.length); // after 30 82 hi lo
        byte[] eightOctets = concat(new byte[] {0x30, (byte) 0x88, 0x10, 0, 0, 0, 0, 0, 0, 0}, body); // 2^60
        byte[] sixOctets = concat(new byte[] {0x30, (byte) 0x86, 0x10, 0, 0, 0, 0, 0}, body); // 2^44
        byte[] innerClaim = envelope.clone();
        int content = encryptedContentAt(envelope);
        innerClaim[content + 2] = (byte) 0xff;
        innerClaim[content + 3] = (byte) 0xff;

        assertThat(refusal(browserOpen(browser, reviewer, eightOctets, false)).get("message"))
                .asString()
                .contains("a length of 8 octets is larger than any input");
        assertThat(refusal(browserOpen(browser, reviewer, sixOctets, false)).get("message"))
                .asString()
                .contains("claims 17592186044416 bytes");
        assertThat(refusal(browserOpen(browser, reviewer, innerClaim, false)).get("message"))
                .asString()
                .contains("claims 65535 bytes");
    }

    @Test
    void nestingTenThousandDeep_isRefusedWithoutRecursingThatDeep(ModuleBrowser browser) throws Exception {
        Identity reviewer = TestPki.rsa("Reviewer");
        byte[] indefinite =
                concat("\u0030\u0080".repeat(10_000).getBytes(StandardCharsets.ISO_8859_1), new byte[20_000]);
        byte[] inContentInfo =
                concat(HexFormat.of().parseHex("3080060b2a864886f70d0109100117a080"), indefinite, new byte[4]);

        for (byte[] deep : List.of(indefinite, inContentInfo)) {
            Map<String, Object> refused = refusal(browserOpen(browser, reviewer, deep, false));
            assertThat(refused.get("code")).isEqualTo("malformed");
            assertThat(refused.get("message")).asString().contains("nested more than 40 deep");
        }
    }

    @Test
    void trailingBytes_areRefused(ModuleBrowser browser) throws Exception {
        Identity reviewer = TestPki.rsa("Reviewer");
        byte[] envelope = browserSeal(browser, TestPki.ec("EC Author"), document(500), List.of(reviewer));

        assertThat(refusal(browserOpen(browser, reviewer, concat(envelope, new byte[] {0}), false))
                        .get("message"))
                .asString()
                .contains("1 bytes follow the element");
    }

    /** Algorithms outside the profile, each patched into an envelope the browser sealed: refused by the browser as by Java. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "RSA | 0609 6086480165030401 2e | 0609 6086480165030401 06 | AuthEnvelopedData with content encryption 2.16.840.1.101.3.4.1.6",
                "RSA | 0609 2a864886f70d010107 | 0609 2a864886f70d010101 | RSA PKCS#1 v1.5 key transport",
                "EC | 0606 2b8104010b01 | 0606 2b8104010b00 | key agreement 1.3.132.1.11.0",
                "EC | 0609 6086480165030401 2d | 0609 6086480165030401 05 | key wrap 2.16.840.1.101.3.4.1.5",
            })
    void algorithmsOutsideTheProfile_areRefusedAsByJava(
            String recipientKind, String from, String to, String message, ModuleBrowser browser) throws Exception {
        Identity recipient = recipientKind.equals("RSA") ? TestPki.rsa("Reviewer") : TestPki.ec("Board");
        byte[] envelope = browserSeal(browser, TestPki.ec("EC Author"), document(500), List.of(recipient));
        byte[] patched = replace(envelope, hex(from), hex(to));

        Map<String, Object> refused = refusal(browserOpen(browser, recipient, patched, false));

        assertThat(refused.get("code")).isEqualTo("unsupported");
        assertThat(refused.get("message"))
                .isEqualTo("This document uses " + message + ", which the exchange's profile does not allow");
        assertJavaRefuses(recipient, patched, message);
    }

    @Test
    void aGcmTagShorterThan128Bits_isRefusedAsByJava(ModuleBrowser browser) throws Exception {
        Identity reviewer = TestPki.rsa("Reviewer");
        byte[] envelope = browserSeal(browser, TestPki.ec("EC Author"), document(500), List.of(reviewer));
        // GCMParameters follow id-aes256-GCM: 30 11, the nonce 04 0c + 12 bytes, then aes-ICVlen 02 01 10
        int icvLength = indexOf(envelope, hex("0609 6086480165030401 2e")) + 11 + 2 + 14 + 2;
        assertThat(envelope[icvLength]).isEqualTo((byte) 16);
        byte[] patched = envelope.clone();
        patched[icvLength] = 12;

        Map<String, Object> refused = refusal(browserOpen(browser, reviewer, patched, false));

        assertThat(refused.get("message"))
                .isEqualTo("This document uses an AES-GCM tag of 96 bits, which the exchange's profile does not allow");
        assertJavaRefuses(reviewer, patched, "a 96-bit tag");
    }

    @Test
    void anEnvelopeNotAddressedToMe_orAKeyThatIsNotMyCertificates_isRefused(ModuleBrowser browser) throws Exception {
        Identity reviewer = TestPki.rsa("Reviewer");
        Identity board = TestPki.ec("Board");
        byte[] envelope = browserSeal(browser, TestPki.ec("EC Author"), document(500), List.of(reviewer, board));
        Identity rsaStranger = TestPki.rsa("Stranger");
        Identity ecStranger = TestPki.ec("Stranger EC");

        for (Identity stranger : List.of(rsaStranger, ecStranger)) {
            Map<String, Object> refused = refusal(browserOpen(browser, stranger, envelope, false));
            assertThat(refused.get("code")).isEqualTo("not-recipient");
            assertThat(refused.get("message"))
                    .asString()
                    .startsWith("You are not a recipient of this document: it was not sealed for your certificate (CN="
                            + TestPki.name(stranger));
        }
        // the stranger's key under the reviewer's (or board's) certificate: the entry is found, the key does not fit
        for (Identity[] pair : new Identity[][] {{reviewer, rsaStranger}, {board, ecStranger}}) {
            Map<String, Object> refused = refusal(run(
                    browser,
                    OPEN,
                    bytes(envelope),
                    inBrowser(browser, pair[1]),
                    bytes(der(pair[0].certificate())),
                    bytes(der(TestPki.ca().certificate())),
                    false));
            assertThat(refused.get("code")).isEqualTo("tampered");
            assertThat(refused.get("message"))
                    .asString()
                    .startsWith("This document's key could not be unwrapped with your key");
        }
    }

    @Test
    void twoSigners_noSignerCertificate_otherContent_andABrokenSignature_areRefused(ModuleBrowser browser)
            throws Exception {
        Identity reviewer = TestPki.rsa("Reviewer");
        Identity one = TestPki.ec("EC Author");
        Identity two = TestPki.ec("Board");
        byte[] plain = "the chronology, as the author wrote it".getBytes(StandardCharsets.US_ASCII);
        byte[] good = signedData(plain, true, one);
        byte[] otherContent =
                replace(good, plain, "the chronology, as Mallory rewrote it!".getBytes(StandardCharsets.US_ASCII));
        byte[] brokenSignature = good.clone();
        brokenSignature[brokenSignature.length - 1] ^= 0x01; // the last byte of the one SignerInfo's signature

        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put(
                "signature|This document carries 2 signatures; exactly one, its author's, is required",
                b64(signedData(plain, true, one, two)));
        expected.put("signer|The signer's certificate is not in the document", b64(signedData(plain, false, one)));
        expected.put(
                "tampered|This document was changed after it was signed: its content does not match the digest its author signed",
                b64(otherContent));
        expected.put("signature|The signature on this document does not verify", b64(brokenSignature));
        expected.put("malformed|The sealed content is not a readable signed document", b64(plain));

        assertThat(opened(browserOpen(browser, reviewer, authEnveloped(good, reviewer), false))
                        .get("signer"))
                .asString()
                .contains("CN=EC Author");
        for (var e : expected.entrySet()) {
            String[] codeAndText = e.getKey().split("\\|");
            byte[] envelope = authEnveloped(java.util.Base64.getDecoder().decode(e.getValue()), reviewer);
            Map<String, Object> refused = refusal(browserOpen(browser, reviewer, envelope, false));
            assertThat(refused.get("code")).as(e.getKey()).isEqualTo(codeAndText[0]);
            assertThat(refused.get("message")).as(e.getKey()).asString().startsWith(codeAndText[1]);
            assertJavaRefuses(reviewer, envelope, e.getKey());
        }
    }

    @Test
    void aSignerFromAnotherCa_anExpiredSigner_andARevokedSigner_areRefused(ModuleBrowser browser) throws Exception {
        Identity reviewer = TestPki.rsa("Reviewer");
        Identity foreign = TestPki.ecIssuedBy(TestPki.ca("Other CA"), "Foreign Author", java.time.Instant.now());
        Identity expired = TestPki.ecIssuedBy(TestPki.ca(), "Expired Author", TestPki.longAgo());
        byte[] fromForeign = javaSeal(EnvelopeProfile.AUTH_ENVELOPED_AES256_GCM, foreign, document(100), reviewer);
        byte[] fromExpired = javaSeal(EnvelopeProfile.AUTH_ENVELOPED_AES256_GCM, expired, document(100), reviewer);
        byte[] fromGood =
                javaSeal(EnvelopeProfile.AUTH_ENVELOPED_AES256_GCM, TestPki.ec("EC Author"), document(100), reviewer);

        Map<String, Object> untrusted = refusal(browserOpen(browser, reviewer, fromForeign, false));
        Map<String, Object> outdated = refusal(browserOpen(browser, reviewer, fromExpired, false));
        Map<String, Object> revoked = refusal(browserOpen(browser, reviewer, fromGood, true));
        Map<String, Object> unknown = refusal(browserOpen(browser, reviewer, fromGood, "throw"));

        assertThat(untrusted.get("code")).isEqualTo("untrusted");
        assertThat(untrusted.get("message"))
                .isEqualTo("The signer's certificate (CN=Foreign Author, O=Test Agency, UID=id-Foreign Author)"
                        + " was not issued by this exchange's certificate authority");
        assertThat(outdated.get("code")).isEqualTo("expired");
        assertThat(outdated.get("message"))
                .asString()
                .startsWith(
                        "The signer's certificate (CN=Expired Author, O=Test Agency, UID=id-Expired Author) expired on ");
        assertThat(revoked.get("code")).isEqualTo("revoked");
        assertThat(revoked.get("message"))
                .isEqualTo("The signer's certificate (CN=EC Author, O=Test Agency, UID=id-EC Author) was revoked");
        assertThat(unknown.get("code")).isEqualTo("revocation-unknown");
        assertThat(unknown.get("message")).asString().endsWith("could not be checked: the server did not answer");
    }

    @Test
    void aSignedDataThatIsNotEnveloped_andJunk_areRefusedWithASentence(ModuleBrowser browser) throws Exception {
        Identity reviewer = TestPki.rsa("Reviewer");

        Map<String, Object> signedOnly =
                refusal(browserOpen(browser, reviewer, signedData(document(10), true, TestPki.ec("EC Author")), false));
        Map<String, Object> junk =
                refusal(browserOpen(browser, reviewer, "hello".getBytes(StandardCharsets.US_ASCII), false));

        assertThat(signedOnly.get("message"))
                .isEqualTo("This file is signed but not sealed: its content is not encrypted");
        assertThat(junk.get("code")).isEqualTo("malformed");
        assertThat(junk.get("message"))
                .asString()
                .startsWith("This document cannot be opened: it is damaged or not a sealed document (");
    }

    // ---- helpers ----

    private static byte[] browserSeal(ModuleBrowser browser, Identity author, byte[] plain, List<Identity> recipients) {
        return bytesOf(browser.run(
                SEAL,
                bytes(plain),
                inBrowser(browser, author),
                bytes(der(author.certificate())),
                bytesList(recipients.stream().map(r -> der(r.certificate())).toList())));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sealRefusal(
            ModuleBrowser browser, Identity signingKeyOf, byte[] certificate, List<byte[]> recipients) {
        try {
            browser.run(
                    SEAL,
                    bytes(new byte[10]),
                    inBrowser(browser, signingKeyOf),
                    bytes(certificate),
                    bytesList(recipients));
        } catch (ModuleBrowser.ScriptError e) {
            assertThat(e.name()).isEqualTo("EnvelopeError");
            return Map.of("message", e.text());
        }
        throw new AssertionError("sealing did not fail");
    }

    private static byte[] javaSeal(EnvelopeProfile profile, Identity author, byte[] plain, Identity... recipients)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Envelopes.sealer(
                        profile,
                        author,
                        Arrays.stream(recipients).map(Identity::certificate).toList())
                .seal(new ByteArrayInputStream(plain), out);
        return out.toByteArray();
    }

    private static OpenedEnvelope javaOpen(Identity me, byte[] envelope, Path out) throws Exception {
        return Envelopes.opener(me, TestPki.ca().certificate()).open(new ByteArrayInputStream(envelope), out);
    }

    /** The Java Opener refuses what the browser refused: {@code what} names the case in a failure. */
    private void assertJavaRefuses(Identity me, byte[] envelope, String what) {
        assertThatThrownBy(() -> javaOpen(me, envelope, dir.resolve("java")))
                .as("Java refuses it too: %s", what)
                .isInstanceOf(EnvelopeOpeningException.class);
    }

    private static Map<String, Object> browserOpen(
            ModuleBrowser browser, Identity me, byte[] envelope, Object revoked) {
        return run(
                browser,
                OPEN,
                bytes(envelope),
                inBrowser(browser, me),
                bytes(der(me.certificate())),
                bytes(der(TestPki.ca().certificate())),
                revoked);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> run(ModuleBrowser browser, String script, Object... args) {
        return (Map<String, Object>) browser.run(script, args);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> opened(Map<String, Object> result) {
        assertThat(result).as("opened, not refused").containsKey("opened");
        return (Map<String, Object>) result.get("opened");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> refusal(Map<String, Object> result) {
        assertThat(result).as("refused, not opened").containsKey("refused");
        Map<String, Object> refused = (Map<String, Object>) result.get("refused");
        assertThat(refused.get("name")).as("%s", refused).isEqualTo("EnvelopeError");
        return refused;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> variants(
            ModuleBrowser browser,
            Identity me,
            byte[] envelope,
            byte[] plain,
            List<Integer> cuts,
            List<Integer> flips) {
        return (List<Map<String, Object>>) browser.run(
                OPEN_VARIANTS,
                bytes(envelope),
                inBrowser(browser, me),
                bytes(der(me.certificate())),
                bytes(der(TestPki.ca().certificate())),
                bytes(plain),
                cuts,
                flips);
    }

    @SuppressWarnings("unchecked")
    private static void assertSigner(Map<String, Object> opened, Identity author) {
        Map<String, Object> signer = (Map<String, Object>) opened.get("signer");
        X509Certificate c = author.certificate();
        assertThat(bytesOf(signer.get("certificate"))).isEqualTo(der(c));
        assertThat(signer.get("fingerprint")).isEqualTo(Pem.fingerprint(c));
        assertThat(signer.get("serial")).isEqualTo(c.getSerialNumber().toString(16));
        assertThat(signer.get("subject")).asString().startsWith("CN=" + TestPki.name(author) + ", O=Test Agency");
    }

    /** What {@code openssl cms -decrypt} with the recipient's key, then {@code -verify} against the test CA, make of an envelope. */
    private byte[] openedByOpenssl(byte[] envelope, Identity recipient, String name) {
        Path in = TestPki.file(name + "-env.der", envelope);
        Path signed = dir.resolve(name + "-signed.der");
        Path back = dir.resolve(name + "-plain");
        Openssl.cmsDecrypt(in, TestPki.pem(recipient.certificate()), TestPki.keyPem(recipient), signed);
        Openssl.cmsVerify(signed, TestPki.pem(TestPki.ca().certificate()), back);
        try {
            return Files.readAllBytes(back);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A DER ContentInfo of SignedData over {@code content}, signed as the Sealer signs, each signer's certificate included or not. */
    private static byte[] signedData(byte[] content, boolean withCertificates, Identity... signers) throws Exception {
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        for (Identity s : signers) {
            gen.addSignerInfoGenerator(
                    new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                            .build(JdkSignatures.signer(s.privateKey()), s.certificate()));
            if (withCertificates) {
                gen.addCertificate(new X509CertificateHolder(s.certificate().getEncoded()));
            }
        }
        return gen.generate(new CMSProcessableByteArray(content), true).getEncoded("DER");
    }

    /** Any content in AuthEnvelopedData (AES-256-GCM, RSA-OAEP-SHA-256 as the Sealer addresses an RSA key) to {@code to}. */
    private static byte[] authEnveloped(byte[] content, Identity to) throws Exception {
        CMSAuthEnvelopedDataGenerator g = new CMSAuthEnvelopedDataGenerator();
        g.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(
                to.certificate(),
                new JcaAlgorithmParametersConverter()
                        .getAlgorithmIdentifier(
                                PKCSObjectIdentifiers.id_RSAES_OAEP,
                                new OAEPParameterSpec(
                                        "SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT))));
        return g.generate(new CMSProcessableByteArray(content), new GcmContentEncryptor(new SecureRandom()))
                .getEncoded();
    }

    static byte[] document(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] b) {
        return java.util.Base64.getEncoder().encodeToString(b);
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** {@code bytes} with the one occurrence of {@code from} replaced by {@code to} (of the same length). */
    private static byte[] replace(byte[] bytes, byte[] from, byte[] to) {
        int at = indexOf(bytes, from);
        assertThat(at).as("the bytes to replace are there").isNotNegative();
        assertThat(indexOf(Arrays.copyOfRange(bytes, at + 1, bytes.length), from))
                .as("only once")
                .isNegative();
        byte[] out = bytes.clone();
        System.arraycopy(to, 0, out, at, to.length);
        return out;
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * Where the encryptedContent [0] with two length octets ({@code 80 82 hi lo}) begins: the one whose content ends
     * where the MAC, the envelope's last element ({@code 04 10} and 16 bytes), begins. Searching for the two bytes
     * alone could land in the ciphertext, which holds them by chance in about one run of a hundred.
     */
    private static int encryptedContentAt(byte[] envelope) {
        int macAt = envelope.length - 18;
        for (int i = macAt - 4; i >= 0; i--) {
            int length = (envelope[i + 2] & 0xff) << 8 | envelope[i + 3] & 0xff;
            if (envelope[i] == (byte) 0x80 && envelope[i + 1] == (byte) 0x82 && i + 4 + length == macAt) {
                return i;
            }
        }
        throw new AssertionError("no encryptedContent with two length octets before the MAC");
    }
}
