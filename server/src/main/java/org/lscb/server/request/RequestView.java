package org.lscb.server.request;

/** A document request on the wire: what was asked of whom by when, and where it stands today. */
public record RequestView(
        String id,
        String reviewId,
        String reviewReference,
        String organisationId,
        String organisationName,
        String type,
        String dueOn,
        String note,
        String requestedBy,
        String requestedAt,
        String state,
        String answeredAt) {

    public static RequestView of(DocumentRequests.Status s) {
        var q = s.request();
        return new RequestView(
                q.id(),
                q.reviewId(),
                s.reviewReference(),
                q.organisationId(),
                s.organisationName(),
                q.documentType(),
                q.dueOn().toString(),
                q.note().orElse(null),
                q.requestedBy(),
                q.requestedAt().toString(),
                s.state().name(),
                s.answeredAt().map(Object::toString).orElse(null));
    }
}
