package org.lscb.server.document;

import java.util.List;
import org.lscb.exchange.store.Document;

/** A document's metadata on the wire. */
public record DocumentView(
        String id,
        String reviewId,
        String type,
        String title,
        String marking,
        int version,
        String profile,
        String sha256,
        long size,
        String uploadedBy,
        String organisationId,
        String uploadedAt,
        List<String> recipients) {

    static DocumentView of(Document d) {
        return new DocumentView(
                d.id(),
                d.reviewId(),
                d.type().name(),
                d.title(),
                d.marking().label(),
                d.version(),
                d.profile().name(),
                d.sha256(),
                d.size(),
                d.uploadedBy(),
                d.organisationId().orElse(null),
                d.uploadedAt().toString(),
                d.recipients().stream().sorted().toList());
    }
}
