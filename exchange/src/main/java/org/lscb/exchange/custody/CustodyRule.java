package org.lscb.exchange.custody;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lscb.envelope.custody.KeyShares;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.foundation.value.Text;

/**
 * The shape of a split and of a request for the board key (docs/security.md "Board key custody"): a threshold of at
 * least two and at most the number of custodians, distinct custodians, sealed shares of bounded size, and a request
 * naming exactly what its purpose needs. Who may split, request and approve is {@code BoardCustody}'s rule, in the
 * server.
 */
public final class CustodyRule {

    /** A sealed share is a few kilobytes (the share, the board key's signature and certificate, one recipient). */
    public static final int MAX_ENVELOPE_BYTES = 12_000;

    static final int MAX_ENVELOPE_CHARS = 16_384;

    private CustodyRule() {}

    /** {@code threshold} of {@code shares}: as the splitting library accepts, and as custody needs. */
    public static void checkThreshold(int threshold, int shares) {
        if (threshold < KeyShares.MIN_THRESHOLD || threshold > shares) {
            throw new InvalidValueException(
                    "threshold", "must be at least " + KeyShares.MIN_THRESHOLD + " and at most the number of shares");
        }
        if (shares > KeyShares.MAX_SHARES) {
            throw new InvalidValueException("shares", "must be at most " + KeyShares.MAX_SHARES);
        }
    }

    /** Each custodian once: two shares in one hand would lower the threshold without anyone seeing it. */
    public static void checkDistinct(List<String> custodianAccountIds) {
        Set<String> seen = new HashSet<>();
        for (String id : custodianAccountIds) {
            if (!seen.add(id)) {
                throw new InvalidValueException("shares", "name each custodian once; " + id + " is named twice");
            }
        }
    }

    /** A sealed share's bytes: present and bounded. */
    public static void checkEnvelope(byte[] envelope, String field) {
        if (envelope.length == 0 || envelope.length > MAX_ENVELOPE_BYTES) {
            throw new InvalidValueException(field, "must be a sealed share of 1 to " + MAX_ENVELOPE_BYTES + " bytes");
        }
    }

    /** A request names what its purpose needs and nothing else, with a reason of one line. */
    static void checkRequest(KeyRecovery.Request r) {
        Text.present(r.purpose(), "purpose");
        Text.required(r.reason(), "reason", KeyRecovery.MAX_REASON);
        switch (r.purpose()) {
            case GRANT -> {
                Text.present(r.documentId(), "documentId");
                absent(r.accountId(), "accountId");
                absent(r.lostCertificateId(), "lostCertificateId");
            }
            case REWRAP -> {
                absent(r.documentId(), "documentId");
                Text.present(r.accountId(), "accountId");
                Text.present(r.lostCertificateId(), "lostCertificateId");
            }
            case RESPLIT -> {
                absent(r.documentId(), "documentId");
                absent(r.accountId(), "accountId");
                absent(r.lostCertificateId(), "lostCertificateId");
            }
        }
    }

    private static void absent(String value, String field) {
        if (value != null) {
            throw new InvalidValueException(field, "is not part of this purpose");
        }
    }
}
