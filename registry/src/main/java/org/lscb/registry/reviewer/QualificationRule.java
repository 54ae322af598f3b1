package org.lscb.registry.reviewer;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * "Suitably qualified in systems methodology" [15, 16]: at least one verified, current piece of
 * evidence (track record, training or reference). Training needs revalidation after a configurable
 * period (default five years).
 */
public final class QualificationRule {

    public static final Period DEFAULT_TRAINING_REVALIDATION = Period.ofYears(5);

    private final Period trainingRevalidation;

    public QualificationRule(Period trainingRevalidation) {
        if (trainingRevalidation.isNegative() || trainingRevalidation.isZero()) {
            throw new IllegalArgumentException("training revalidation period must be positive");
        }
        this.trainingRevalidation = trainingRevalidation;
    }

    public static QualificationRule standard() {
        return new QualificationRule(DEFAULT_TRAINING_REVALIDATION);
    }

    /** The last day the reviewer is qualified on present evidence; empty when not qualified at all. */
    public Optional<LocalDate> qualifiedUntil(Reviewer r) {
        return r.evidence().stream()
                .map(e -> e.countsUntil(trainingRevalidation))
                .flatMap(Optional::stream)
                .max(LocalDate::compareTo);
    }

    public boolean qualifiedOn(Reviewer r, LocalDate day) {
        return qualifiedUntil(r).map(until -> !until.isBefore(day)).orElse(false);
    }

    public Period trainingRevalidation() {
        return trainingRevalidation;
    }
}
