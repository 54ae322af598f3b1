package org.lscb.exchange.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * The deployment's own certificate authority. Its key (EC P-384) is made at first start and kept in a
 * PKCS#12 file protected by the configured secret; it never leaves this class. It turns a PKCS#10
 * request into a certificate whose subject the server decides (the account or board it is bound to),
 * never the requester. Every issuance is audited by the caller.
 */
public final class DeploymentCa {

    static final Duration CA_VALIDITY = Duration.ofDays(3650);
    public static final Duration CERTIFICATE_VALIDITY = Duration.ofDays(730);
    private static final String ALIAS = "deployment-ca";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey key;
    private final X509Certificate certificate;

    private DeploymentCa(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    /** Opens the CA in {@code file}, or makes one there (owner-only) if there is none. */
    public static synchronized DeploymentCa openOrCreate(Path file, char[] secret, String name, Instant now)
            throws IOException, GeneralSecurityException {
        if (Files.exists(file)) {
            try {
                return fromPkcs12(Files.readAllBytes(file), secret);
            } catch (GeneralSecurityException e) {
                throw new GeneralSecurityException(
                        "the CA key store " + file + " cannot be opened with the configured secret", e);
            }
        }
        byte[] created = createPkcs12(secret, name, now);
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), ".ca-", ".tmp", ownerOnly());
        Files.write(tmp, created);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        return fromPkcs12(created, secret);
    }

    /** Opens a CA kept as a PKCS#12 key store (as {@link #createPkcs12} makes it) locked with {@code secret}. */
    public static DeploymentCa fromPkcs12(byte[] pkcs12, char[] secret) throws GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new java.io.ByteArrayInputStream(pkcs12)) {
            ks.load(in, secret);
        } catch (IOException e) {
            throw new GeneralSecurityException("the CA key store cannot be opened with the configured secret", e);
        }
        PrivateKey key = (PrivateKey) ks.getKey(ALIAS, secret);
        X509Certificate certificate = (X509Certificate) ks.getCertificate(ALIAS);
        if (key == null || certificate == null) {
            throw new GeneralSecurityException("the key store holds no deployment CA");
        }
        return new DeploymentCa(key, certificate);
    }

    /** Makes a new CA (EC P-384, self-signed) and answers it as a PKCS#12 key store locked with {@code secret}. */
    public static byte[] createPkcs12(char[] secret, String name, Instant now)
            throws IOException, GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair kp = g.generateKeyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, name)
                .addRDN(BCStyle.O, "LSCB review exchange")
                .build();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                subject,
                serial(),
                Date.from(now.minusSeconds(60)),
                Date.from(now.plus(CA_VALIDITY)),
                subject,
                kp.getPublic());
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
        X509Certificate cert = sign(b, kp.getPrivate());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(ALIAS, kp.getPrivate(), secret, new X509Certificate[] {cert});
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ks.store(out, secret);
        return out.toByteArray();
    }

    /**
     * Issues a certificate for the key in a PEM PKCS#10 request.
     *
     * @param subject the name the server binds the key to (never taken from the request)
     * @throws EnrolmentRefusedException when the request is unreadable, its signature does not verify
     *                                   (proof that the requester holds the key), or the key is outside the profile
     */
    public X509Certificate issue(String csrPem, X500Name subject, Instant now) {
        PKCS10CertificationRequest csr = parse(csrPem);
        PublicKey publicKey;
        try {
            JcaPKCS10CertificationRequest jca = new JcaPKCS10CertificationRequest(csr);
            publicKey = jca.getPublicKey();
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(csr.getSubjectPublicKeyInfo()))) {
                throw new EnrolmentRefusedException("the request's signature does not verify");
            }
        } catch (EnrolmentRefusedException e) {
            throw e;
        } catch (Exception e) {
            throw new EnrolmentRefusedException(
                    "the request cannot be verified: " + e.getClass().getSimpleName());
        }
        return issueFor(publicKey, subject, now);
    }

    /** Issues a certificate for a key the server made itself (its upload gateway's signing key). */
    public X509Certificate issueFor(PublicKey publicKey, X500Name subject, Instant now) {
        try {
            checkKey(publicKey);
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                    certificate,
                    serial(),
                    Date.from(now.minusSeconds(60)),
                    Date.from(now.plus(CERTIFICATE_VALIDITY)),
                    subject,
                    publicKey);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            boolean rsa = publicKey.getAlgorithm().equals("RSA");
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(KeyUsage.digitalSignature
                            | KeyUsage.nonRepudiation
                            | (rsa ? KeyUsage.keyEncipherment : KeyUsage.keyAgreement)));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(publicKey));
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate));
            return sign(b, key);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the CA could not sign: " + e.getMessage(), e);
        }
    }

    private static void checkKey(PublicKey k) {
        try {
            org.lscb.envelope.Keys.check(k);
        } catch (IllegalArgumentException e) {
            throw new EnrolmentRefusedException(e.getMessage());
        }
    }

    private static PKCS10CertificationRequest parse(String pem) {
        if (pem == null || pem.isBlank() || pem.length() > 20_000) {
            throw new EnrolmentRefusedException(
                    "the body must be one PEM certificate request (-----BEGIN CERTIFICATE REQUEST-----)");
        }
        try (PEMParser p = new PEMParser(new StringReader(pem))) {
            Object o = p.readObject();
            if (o instanceof PKCS10CertificationRequest csr) {
                return csr;
            }
        } catch (Exception e) {
            // fall through to the refusal
        }
        throw new EnrolmentRefusedException(
                "the body must be one PEM certificate request (-----BEGIN CERTIFICATE REQUEST-----)");
    }

    /** The name a certificate carries: who it is, the organisation, and the id the server binds it to. */
    public static X500Name subject(String commonName, String organisation, String boundId) {
        X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName);
        if (organisation != null) {
            b.addRDN(BCStyle.O, organisation);
        }
        return b.addRDN(BCStyle.UID, boundId).build();
    }

    public X509Certificate certificate() {
        return certificate;
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(b.build(new JcaContentSignerBuilder("SHA384withECDSA").build(key)));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).setBit(126);
    }

    private static java.nio.file.attribute.FileAttribute<?>[] ownerOnly() {
        try {
            return new java.nio.file.attribute.FileAttribute<?>[] {
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"))
            };
        } catch (UnsupportedOperationException e) {
            return new java.nio.file.attribute.FileAttribute<?>[0];
        }
    }

    static {
        if (java.security.Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            java.security.Security.addProvider(new BouncyCastleProvider());
        }
    }
}
