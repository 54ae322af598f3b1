package org.lscb.envelope;

import java.security.cert.X509Certificate;
import java.util.List;

/** The entry point: build a {@link Sealer}, an {@link Opener} or an {@link EnvelopeInspector}. */
public final class Envelopes {

    private Envelopes() {}

    /** Seals with the default profile (AuthEnvelopedData, AES-256-GCM), signed by {@code author}. */
    public static Sealer sealer(Identity author, List<X509Certificate> recipients) {
        return new Sealer(EnvelopeProfile.AUTH_ENVELOPED_AES256_GCM, recipients, author);
    }

    public static Sealer sealer(EnvelopeProfile profile, Identity author, List<X509Certificate> recipients) {
        return new Sealer(profile, recipients, author);
    }

    /**
     * Seals one throwaway byte to the author's own certificate on a background thread and discards it, so
     * that a process about to seal a document (the client, a fresh JVM each run) has sealing's classes
     * loaded by the time it starts (ASN.1, elliptic-curve arithmetic, CMS, the signing time's date
     * formatting), work the client would otherwise do while its upload waits.
     * Returns at once; nothing it produces is kept.
     */
    public static void prepareToSeal(Identity author) {
        Thread t = new Thread(
                () -> {
                    try {
                        sealer(author, List.of(author.certificate()))
                                .seal(
                                        new java.io.ByteArrayInputStream(new byte[1]),
                                        java.io.OutputStream.nullOutputStream());
                    } catch (java.io.IOException | RuntimeException e) {
                        // only time is lost: the real seal reports whatever is wrong
                    }
                },
                "lscb-seal-warmup");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Tells this JVM that a document or envelope of about {@code bytes} is about to be sealed or opened, as early
     * as the size is known (before the key is read): a large one gets the JDK's AES compiled on a background thread
     * meanwhile, so a fresh JVM does not pass its first few hundred MiB through the interpreted cipher; a small
     * one changes nothing. Returns at once.
     */
    public static void prepareCipherFor(long bytes) {
        org.lscb.envelope.internal.CipherWarmup.startFor(bytes);
    }

    /** Opens envelopes addressed to {@code identity}; signers are not checked against any issuer. */
    public static Opener opener(Identity identity) {
        return new Opener(identity, null);
    }

    /** Opens envelopes addressed to {@code identity} and requires the signer's certificate to be issued by {@code issuer} and valid now. */
    public static Opener opener(Identity identity, X509Certificate issuer) {
        return new Opener(identity, issuer);
    }

    /** Re-wraps the content key of envelopes {@code holder} can open, for recipients entitled later. */
    public static Granter granter(Identity holder) {
        return new Granter(holder);
    }

    /** Adds granted recipients to a stored envelope (server side; no key needed). */
    public static RecipientSplice splice() {
        return new RecipientSplice();
    }

    /** Unwraps and verifies an uploader's outer SignedData around an envelope (server side). */
    public static OuterSignature outerSignature() {
        return new OuterSignature();
    }

    /** Verifies a recipient's detached signature over a document's SHA-256 (server side). */
    public static ReceiptSignature receiptSignature() {
        return new ReceiptSignature();
    }

    public static EnvelopeInspector inspector() {
        return new EnvelopeInspector();
    }
}
