package org.lscb.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;

/** A recipient's detached signature over a document's SHA-256 (hex text): what verifies, and each refusal. */
class ReceiptSignatureTest {

    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void aSignatureOverTheHash_verifies_andNamesItsSigner() throws Exception {
        Identity coroner = TestKeys.ec("Coroner");

        var signer = Envelopes.receiptSignature().verify(sign(SHA, "SHA256withECDSA", coroner), SHA);

        assertThat(signer).isEqualTo(coroner.certificate());
        assertThat(Envelopes.receiptSignature().verify(sign(SHA, "SHA256withECDSA", coroner), SHA.toUpperCase()))
                .isEqualTo(coroner.certificate());
    }

    @Test
    void whatTheLibrarySigns_verifies_forRsaPssAndEcdsaKeys() {
        for (Identity who : new Identity[] {TestKeys.rsa("Reviewer"), TestKeys.ec("Coroner")}) {
            byte[] signed = Envelopes.receiptSignature().sign(who, SHA);

            assertThat(Envelopes.receiptSignature().verify(signed, SHA)).isEqualTo(who.certificate());
        }
    }

    @Test
    void aSignatureOverAnotherHash_isRefused() throws Exception {
        byte[] overOther = sign("00".repeat(32), "SHA256withECDSA", TestKeys.ec("Coroner"));

        assertThatThrownBy(() -> Envelopes.receiptSignature().verify(overOther, SHA))
                .isInstanceOf(UnsupportedEnvelopeException.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void aSignatureOutsideTheProfile_isRefused() throws Exception {
        byte[] pkcs1 = sign(SHA, "SHA256withRSA", TestKeys.rsa("Old Tool"));

        assertThatThrownBy(() -> Envelopes.receiptSignature().verify(pkcs1, SHA))
                .isInstanceOf(UnsupportedEnvelopeException.class);
    }

    @Test
    void twoSigners_junkAndOversizedInput_areRefused() throws Exception {
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        for (Identity who : new Identity[] {TestKeys.ec("One"), TestKeys.ec("Two")}) {
            gen.addSignerInfoGenerator(signerInfo("SHA256withECDSA", who));
            gen.addCertificate(new X509CertificateHolder(who.certificate().getEncoded()));
        }
        byte[] two = gen.generate(new CMSProcessableByteArray(SHA.getBytes(StandardCharsets.US_ASCII)), false)
                .getEncoded("DER");

        assertThatThrownBy(() -> Envelopes.receiptSignature().verify(two, SHA)).hasMessageContaining("2 signers");
        assertThatThrownBy(() -> Envelopes.receiptSignature().verify("AAAA".getBytes(), SHA))
                .isInstanceOf(UnsupportedEnvelopeException.class);
        assertThatThrownBy(() -> Envelopes.receiptSignature().verify(new byte[ReceiptSignature.MAX_BYTES + 1], SHA))
                .isInstanceOf(UnsupportedEnvelopeException.class)
                .hasMessageContaining("at most");
    }

    private static byte[] sign(String sha256, String algorithm, Identity who) throws Exception {
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        gen.addSignerInfoGenerator(signerInfo(algorithm, who));
        gen.addCertificate(new X509CertificateHolder(who.certificate().getEncoded()));
        return gen.generate(new CMSProcessableByteArray(sha256.getBytes(StandardCharsets.US_ASCII)), false)
                .getEncoded("DER");
    }

    private static org.bouncycastle.cms.SignerInfoGenerator signerInfo(String algorithm, Identity who)
            throws Exception {
        return new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder(algorithm).build(who.privateKey()), who.certificate());
    }

    @Test
    void theKeptSignatureHoldsOnlyTheSignersOwnCertificateAndStillVerifies() throws Exception {
        Identity coroner = TestKeys.ec("Coroner");
        Identity smuggled = TestKeys.rsa("SMUGGLED: an address");
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(
                        new JcaContentSignerBuilder("SHA256withECDSA").build(coroner.privateKey()),
                        coroner.certificate()));
        gen.addCertificate(new X509CertificateHolder(coroner.certificate().getEncoded()));
        gen.addCertificate(new X509CertificateHolder(smuggled.certificate().getEncoded()));
        byte[] sent = gen.generate(new CMSProcessableByteArray(SHA.getBytes(StandardCharsets.US_ASCII)), false)
                .getEncoded();

        byte[] kept = Envelopes.receiptSignature().canonical(sent, SHA);

        var certificates = new org.bouncycastle.cms.CMSSignedData(
                        new CMSProcessableByteArray(SHA.getBytes(StandardCharsets.US_ASCII)), kept)
                .getCertificates()
                .getMatches(null);
        assertThat(certificates).hasSize(1);
        assertThat(certificates.iterator().next().getEncoded())
                .isEqualTo(coroner.certificate().getEncoded());
        assertThat(Envelopes.receiptSignature().verify(kept, SHA)).isEqualTo(coroner.certificate());
        assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain("SMUGGLED");
    }
}
