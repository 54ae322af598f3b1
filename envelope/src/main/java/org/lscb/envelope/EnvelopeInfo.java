package org.lscb.envelope;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.List;

/** What an envelope says about itself without any key: its profile and to whom it is addressed. */
public record EnvelopeInfo(EnvelopeProfile profile, List<RecipientRef> recipients) {

    public EnvelopeInfo {
        recipients = List.copyOf(recipients);
    }

    /**
     * One recipient as the envelope names it: by issuer and serial number, or by subject key identifier.
     *
     * @param issuer               the issuer's distinguished name (RFC 2253), or null
     * @param serial               the certificate serial number, or null
     * @param subjectKeyIdentifier the key identifier, or null
     */
    public record RecipientRef(String issuer, BigInteger serial, byte[] subjectKeyIdentifier) {

        /** Whether two references name the same certificate the same way. */
        public boolean sameAs(RecipientRef other) {
            return java.util.Objects.equals(
                            issuer == null ? null : new javax.security.auth.x500.X500Principal(issuer),
                            other.issuer == null ? null : new javax.security.auth.x500.X500Principal(other.issuer))
                    && java.util.Objects.equals(serial, other.serial)
                    && java.util.Arrays.equals(subjectKeyIdentifier, other.subjectKeyIdentifier);
        }

        public boolean names(X509Certificate c) {
            if (serial != null && issuer != null) {
                return serial.equals(c.getSerialNumber())
                        && new javax.security.auth.x500.X500Principal(issuer).equals(c.getIssuerX500Principal());
            }
            byte[] ski = Certificates.subjectKeyIdentifier(c);
            return subjectKeyIdentifier != null && ski != null && java.util.Arrays.equals(ski, subjectKeyIdentifier);
        }
    }

    /** Whether every one of these certificates is a recipient. */
    public boolean addressedToAll(List<X509Certificate> required) {
        return required.stream().allMatch(c -> recipients.stream().anyMatch(r -> r.names(c)));
    }

    /** The recipients that name none of these certificates. */
    public List<RecipientRef> strangers(List<X509Certificate> allowed) {
        return recipients.stream()
                .filter(r -> allowed.stream().noneMatch(r::names))
                .toList();
    }
}
