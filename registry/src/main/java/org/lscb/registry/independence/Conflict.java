package org.lscb.registry.independence;

import java.time.LocalDate;

/** One reason a reviewer is not independent, with the organisation and dates that make it so. */
public record Conflict(
        ConflictReason reason, String organisationId, String kind, LocalDate from, LocalDate to, String detail) {}
