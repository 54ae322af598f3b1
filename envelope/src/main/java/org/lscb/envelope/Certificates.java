package org.lscb.envelope;

import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;

/** Small certificate facts the envelope code needs. */
final class Certificates {

    private Certificates() {}

    static byte[] subjectKeyIdentifier(X509Certificate c) {
        byte[] ext = c.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (ext == null) {
            return null;
        }
        return ASN1OctetString.getInstance(ASN1OctetString.getInstance(ext).getOctets())
                .getOctets();
    }
}
