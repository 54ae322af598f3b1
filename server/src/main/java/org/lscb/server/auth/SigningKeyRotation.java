package org.lscb.server.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.audit.AuditEvent;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.value.Text;

/**
 * An administrator's rotation of the token signing key: a new key, stored for every server of the database with
 * its {@code SIGNING_KEY_ROTATED} audit entry in one transaction. Tokens signed by the key before keep verifying
 * until they expire (docs/operations.md "Token signing keys").
 */
@ApplicationScoped
public class SigningKeyRotation {

    static final int MAX_REASON = 500;

    private TokenSigningKeys keys;
    private Clock clock;

    protected SigningKeyRotation() {}

    @Inject
    public SigningKeyRotation(TokenSigningKeys keys) {
        this.keys = keys;
        this.clock = Clock.systemUTC();
    }

    public SigningKeysResource.RotationView rotate(Caller by, String reason) {
        String why = Text.optional(reason, "reason", MAX_REASON);
        TokenSigningKeys.RotatedKey rotated = keys.rotate((em, keyId) -> new AuditLog(em)
                .append(AuditEvent.of(
                                clock.instant(), by.accountId(), AuditAction.SIGNING_KEY_ROTATED, "signing-key", keyId)
                        .withDetails(why == null ? "no reason given" : "reason: " + why)));
        List<String> published = keys.keys().keyIds().stream().sorted().toList();
        return new SigningKeysResource.RotationView(rotated.keyId(), rotated.version(), rotated.createdAt(), published);
    }
}
