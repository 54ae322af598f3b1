package org.lscb.server.action;

/** An action of a review's action plan on the wire: what is to change, whose it is, by when, and where it stands. */
public record ActionView(
        String id,
        String reviewId,
        String reviewReference,
        String recommendation,
        String organisationId,
        String organisationName,
        String change,
        String dueOn,
        String status,
        boolean overdue,
        boolean overdueMarked,
        String reason,
        String evidenceDocumentId,
        String evidenceNote,
        String createdBy,
        String createdAt,
        String updatedBy,
        String updatedAt) {

    public static ActionView of(ImprovementActions.Status s) {
        var a = s.action();
        return new ActionView(
                a.id(),
                a.reviewId(),
                s.reviewReference(),
                a.recommendation(),
                a.organisationId(),
                s.organisationName(),
                a.change(),
                a.dueOn().toString(),
                a.status().name(),
                s.overdue(),
                a.overdueMarkedAt().isPresent(),
                a.reason().orElse(null),
                a.evidenceDocumentId().orElse(null),
                a.evidenceNote().orElse(null),
                a.createdBy(),
                a.createdAt().toString(),
                a.updatedBy(),
                a.updatedAt().toString());
    }
}
