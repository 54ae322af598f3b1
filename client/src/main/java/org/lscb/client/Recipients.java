package org.lscb.client;

import jakarta.json.JsonObject;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * A review's recipient certificates for a document of a type (need to know: the coroner receives only the joint
 * report and the case discussion record), each checked against the pinned deployment CA before use.
 */
final class Recipients {

    record Recipient(String id, X509Certificate certificate) {}

    private Recipients() {}

    /** @param type the document type, or null for the recipients of {@code OTHER} documents */
    static List<Recipient> of(Main main, String reviewId, String type) {
        // refused before any request without a pinned CA; parsed after the request, which then leaves sooner (it is
        // the first request of a send, asked while the key file is decrypted)
        String caPem = main.settings()
                .pinnedCaPem()
                .orElseThrow(() -> new ClientException("no pinned CA: run 'lscb login' first"));
        var answer = main.api()
                .get("/api/v1/reviews/" + reviewId + "/recipients"
                        + (type == null
                                ? ""
                                : "?type="
                                        + java.net.URLEncoder.encode(type, java.nio.charset.StandardCharsets.UTF_8)));
        X509Certificate ca = Settings.certificate(caPem);
        List<Recipient> out = new ArrayList<>();
        for (JsonObject o : answer.asJsonArray().getValuesAs(JsonObject.class)) {
            X509Certificate c = Settings.certificate(o.getString("pem"));
            try {
                c.verify(ca.getPublicKey());
                c.checkValidity();
            } catch (Exception e) {
                throw new ClientException(
                        "recipient certificate " + c.getSubjectX500Principal().getName()
                                + " is not from the pinned deployment CA or has expired: refusing to encrypt to it");
            }
            out.add(new Recipient(o.getString("id"), c));
        }
        if (out.isEmpty()) {
            throw new ClientException("the review has no recipients yet: the board must enrol its board key");
        }
        return out;
    }
}
