package org.lscb.server.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.cert.X509Certificate;
import java.time.Clock;
import org.lscb.exchange.pki.Pem;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.audit.AuditEvent;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.value.Text;
import org.lscb.server.auth.Caller;

/**
 * An administrator's renewal of the upload gateway key (docs/operations.md "Deployment keys"): a new key certified
 * by the CA, stored for every server of the database with its {@code GATEWAY_KEY_RENEWED} audit entry in one
 * transaction.
 */
@ApplicationScoped
public class GatewayKeyRenewal {

    static final int MAX_REASON = 500;

    private CertificateAuthority authority;
    private Clock clock;

    protected GatewayKeyRenewal() {}

    @Inject
    public GatewayKeyRenewal(CertificateAuthority authority) {
        this.authority = authority;
        this.clock = Clock.systemUTC();
    }

    public record RenewedGateway(
            String fingerprint, java.time.Instant notBefore, java.time.Instant notAfter, String pem) {}

    public RenewedGateway renew(Caller by, String reason) {
        String why = Text.optional(reason, "reason", MAX_REASON);
        X509Certificate c = authority
                .renewGateway((em, certificate) -> new AuditLog(em)
                        .append(AuditEvent.of(
                                        clock.instant(),
                                        by.accountId(),
                                        AuditAction.GATEWAY_KEY_RENEWED,
                                        "gateway-key",
                                        Pem.fingerprint(certificate))
                                .withDetails(why == null ? "no reason given" : "reason: " + why)))
                .certificate();
        return new RenewedGateway(
                Pem.fingerprint(c),
                c.getNotBefore().toInstant(),
                c.getNotAfter().toInstant(),
                Pem.certificate(c));
    }
}
