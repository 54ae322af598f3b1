package org.lscb.server.document;

import java.util.List;

/** A document's metadata with, for each certificate it is encrypted to, who holds it and their receipt. */
public record TrackedView(
        DocumentView document, String reviewReference, String uploadedByName, List<DeliveryView> deliveries) {

    /** One recipient: {@code receivedAt} is when they acknowledged the document, null until they do. */
    public record DeliveryView(
            String certificateId, String recipient, boolean boardKey, String receivedAt, boolean signed) {}

    static TrackedView of(DocumentService.Tracked t) {
        return new TrackedView(
                DocumentView.of(t.document()),
                t.reviewReference(),
                t.uploadedByName(),
                t.deliveries().stream()
                        .map(d -> new DeliveryView(
                                d.certificateId(),
                                d.recipient(),
                                d.boardKey(),
                                d.receipt().map(r -> r.receivedAt().toString()).orElse(null),
                                d.receipt().map(r -> r.signature().isPresent()).orElse(false)))
                        .toList());
    }
}
