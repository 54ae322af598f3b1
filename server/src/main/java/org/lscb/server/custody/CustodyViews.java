package org.lscb.server.custody;

import java.util.List;
import org.lscb.exchange.custody.CustodyShare;
import org.lscb.exchange.custody.KeyRecovery;
import org.lscb.exchange.custody.RecoveryApproval;
import org.lscb.exchange.pki.IssuedCertificate;

/** The custody endpoints' answers (docs/api.md "Board key custody"). */
public final class CustodyViews {

    private CustodyViews() {}

    /** A certificate as custody shows it: enough to seal to it and to check who it is. */
    public record CertificateRef(
            String id, String accountId, String subject, String fingerprint, String status, String pem) {
        public static CertificateRef of(IssuedCertificate c) {
            return new CertificateRef(
                    c.id(),
                    c.accountId().orElse(null),
                    c.subject(),
                    c.fingerprint(),
                    c.revokedAt().isPresent() ? "REVOKED" : "ACTIVE",
                    c.pem());
        }
    }

    public record CustodianView(
            String accountId, String displayName, String organisationId, CertificateRef certificate) {}

    public record CustodyView(
            String splitId,
            String boardId,
            CertificateRef boardCertificate,
            int threshold,
            int shares,
            String splitAt,
            List<CustodianView> custodians) {
        public static CustodyView of(BoardCustody.Custody c) {
            return new CustodyView(
                    c.split().id(),
                    c.split().boardId(),
                    CertificateRef.of(c.boardCertificate()),
                    c.split().threshold(),
                    c.split().shareCount(),
                    c.split().splitAt().toString(),
                    c.custodians().stream()
                            .map(k -> new CustodianView(
                                    k.accountId(),
                                    k.displayName(),
                                    k.organisationId(),
                                    CertificateRef.of(k.certificate())))
                            .toList());
        }
    }

    public record CandidateView(
            String accountId, String username, String displayName, String organisationId, CertificateRef certificate) {
        public static CandidateView of(BoardCustody.Candidate c) {
            return new CandidateView(
                    c.account().id(),
                    c.account().username().value(),
                    c.account().displayName(),
                    c.account().organisationId(),
                    CertificateRef.of(c.certificate()));
        }
    }

    public record ShareView(String splitId, String custodianCertificateId, String envelope) {
        public static ShareView of(CustodyShare s) {
            return new ShareView(s.splitId(), s.custodianCertificateId(), s.envelope());
        }
    }

    public record RecoveryView(
            String id,
            String boardId,
            String splitId,
            String purpose,
            String documentId,
            String accountId,
            String lostCertificateId,
            String reason,
            String requestedBy,
            CertificateRef requesterCertificate,
            String status,
            String openedAt,
            String closedAt,
            int threshold,
            int approvals,
            List<String> approvedBy) {
        public static RecoveryView of(BoardCustody.Recovery v) {
            KeyRecovery r = v.recovery();
            return new RecoveryView(
                    r.id(),
                    r.boardId(),
                    r.splitId(),
                    r.purpose().name(),
                    r.documentId().orElse(null),
                    r.accountId().orElse(null),
                    r.lostCertificateId().orElse(null),
                    r.reason(),
                    r.requestedBy(),
                    CertificateRef.of(v.requesterCertificate()),
                    r.status().name(),
                    r.openedAt().toString(),
                    r.closedAt().map(Object::toString).orElse(null),
                    v.split().threshold(),
                    v.approvals().size(),
                    v.approvals().stream()
                            .map(RecoveryApproval::custodianAccountId)
                            .toList());
        }
    }

    public record ApprovalView(
            String custodianAccountId, String custodianCertificateId, String envelope, String approvedAt) {
        public static ApprovalView of(RecoveryApproval a) {
            return new ApprovalView(
                    a.custodianAccountId(),
                    a.custodianCertificateId(),
                    a.envelope(),
                    a.approvedAt().toString());
        }
    }

    public record DeliveryView(String documentId, String reviewId, String type, List<CertificateRef> to) {
        public static DeliveryView of(BoardCustody.Delivery d) {
            return new DeliveryView(
                    d.document().id(),
                    d.document().reviewId(),
                    d.document().type().name(),
                    d.to().stream().map(CertificateRef::of).toList());
        }
    }
}
