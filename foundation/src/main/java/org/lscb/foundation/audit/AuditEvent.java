package org.lscb.foundation.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What happened ({@link AuditAction}), who did it and to what. Names actors and object ids, never document content.
 * Free text is neutralised (control characters replaced) so that it cannot forge log lines.
 */
public record AuditEvent(
        Instant occurredAt,
        String actor,
        AuditAction action,
        String objectType,
        String objectId,
        String reviewId,
        String details) {

    public AuditEvent {
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
        actor = neutralise(actor, 100);
        objectType = neutralise(objectType, 64);
        objectId = neutralise(objectId, 100);
        reviewId = neutralise(reviewId, 36);
        details = neutralise(details, 2000);
        if (actor == null || action == null) {
            throw new IllegalArgumentException("an audit event needs an actor and an action");
        }
    }

    public static AuditEvent of(Instant at, String actor, AuditAction action, String objectType, String objectId) {
        return new AuditEvent(at, actor, action, objectType, objectId, null, null);
    }

    public AuditEvent withDetails(String text) {
        return new AuditEvent(occurredAt, actor, action, objectType, objectId, reviewId, text);
    }

    public AuditEvent forReview(String id) {
        return new AuditEvent(occurredAt, actor, action, objectType, objectId, id, details);
    }

    static String neutralise(String value, int max) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max));
        for (int i = 0; i < value.length() && out.length() < max; i++) {
            char c = value.charAt(i);
            boolean unsafe =
                    Character.isISOControl(c) || c == '\u202e' || c == '\u202d' || c == '\u2028' || c == '\u2029';
            out.append(unsafe ? '\uFFFD' : c);
        }
        return out.toString();
    }
}
