package org.lscb.client;

import jakarta.json.JsonObject;
import java.security.cert.X509Certificate;

/** Asks the server whether a certificate the deployment issued is still active. */
final class CertificateStatus {

    private CertificateStatus() {}

    static void requireActive(Main main, X509Certificate c, String whose) {
        JsonObject status;
        try {
            status = main.api()
                    .get("/api/v1/keys/" + c.getSerialNumber().toString(16))
                    .asJsonObject();
        } catch (ClientException e) {
            if (e.getMessage().startsWith("not found")) {
                throw new ClientException(
                        whose + " (" + c.getSubjectX500Principal().getName() + ") is unknown to this deployment");
            }
            throw e;
        }
        if ("REVOKED".equals(status.getString("status", ""))) {
            throw new ClientException(whose + " (" + c.getSubjectX500Principal().getName() + ") was revoked"
                    + (whose.startsWith("your")
                            ? ": make a new key (lscb keygen --force) and enrol it"
                            : "; the document was not kept"));
        }
    }
}
