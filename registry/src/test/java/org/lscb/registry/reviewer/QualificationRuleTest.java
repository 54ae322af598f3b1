package org.lscb.registry.reviewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** "Suitably qualified in systems methodology" [15]: verified, current evidence only. */
class QualificationRuleTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private final QualificationRule rule = QualificationRule.standard();

    @Test
    void unverifiedEvidence_doesNotQualify() {
        Reviewer r = reviewer();
        r.addEvidence(
                new Evidence(
                        EvidenceType.TRACK_RECORD,
                        "Led SCR 2019/04",
                        "Westshire LSCB",
                        LocalDate.of(2019, 5, 1),
                        null,
                        null,
                        TODAY),
                Instant.EPOCH);

        assertThat(rule.qualifiedOn(r, TODAY)).isFalse();
    }

    @Test
    void verifiedTrackRecord_qualifiesWithoutEnd() {
        Reviewer r = reviewer();
        Evidence e = r.addEvidence(
                new Evidence(
                        EvidenceType.TRACK_RECORD,
                        "Led SCR",
                        "Westshire LSCB",
                        LocalDate.of(2012, 5, 1),
                        null,
                        null,
                        TODAY),
                Instant.EPOCH);
        r.verifyEvidence(e.id(), "officer-1", Instant.EPOCH, "checked with the board");

        assertThat(rule.qualifiedOn(r, TODAY)).isTrue();
        assertThat(rule.qualifiedUntil(r)).contains(LocalDate.MAX);
    }

    @Test
    void trainingLapsesAfterTheRevalidationPeriod() {
        Reviewer r = reviewer();
        Evidence e = r.addEvidence(
                new Evidence(
                        EvidenceType.TRAINING,
                        "Systems model course",
                        "SCIE",
                        LocalDate.of(2021, 6, 15),
                        null,
                        null,
                        TODAY),
                Instant.EPOCH);
        r.verifyEvidence(e.id(), "officer-1", Instant.EPOCH, null);

        assertThat(rule.qualifiedOn(r, LocalDate.of(2026, 6, 15))).isTrue();
        assertThat(rule.qualifiedOn(r, LocalDate.of(2026, 6, 16))).isFalse();
        assertThat(new QualificationRule(Period.ofYears(10)).qualifiedOn(r, LocalDate.of(2026, 6, 16)))
                .isTrue();
    }

    @Test
    void expiredOrWithdrawnEvidence_doesNotQualify() {
        Reviewer r = reviewer();
        Evidence ref = r.addEvidence(
                new Evidence(
                        EvidenceType.REFERENCE,
                        "Reference",
                        "Eastshire CCG",
                        LocalDate.of(2024, 1, 1),
                        LocalDate.of(2026, 1, 1),
                        null,
                        TODAY),
                Instant.EPOCH);
        r.verifyEvidence(ref.id(), "officer-1", Instant.EPOCH, null);
        assertThat(rule.qualifiedOn(r, TODAY)).isFalse();

        Evidence track = r.addEvidence(
                new Evidence(EvidenceType.TRACK_RECORD, "Led SCR", null, LocalDate.of(2020, 1, 1), null, null, TODAY),
                Instant.EPOCH);
        r.verifyEvidence(track.id(), "officer-1", Instant.EPOCH, null);
        assertThat(rule.qualifiedOn(r, TODAY)).isTrue();
        track.withdraw("officer-account", Instant.EPOCH, "reference could not be confirmed");
        assertThat(rule.qualifiedOn(r, TODAY)).isFalse();
    }

    @Test
    void reviewerCannotVerifyTheirOwnEvidence() {
        Reviewer r = new Reviewer(
                "account-7", new Reviewer.Profile("Self", null, Set.of(), Set.of(), Set.of(), true), Instant.EPOCH);
        Evidence e = r.addEvidence(
                new Evidence(EvidenceType.TRAINING, "Course", null, LocalDate.of(2025, 1, 1), null, null, TODAY),
                Instant.EPOCH);

        assertThatThrownBy(() -> r.verifyEvidence(e.id(), "account-7", Instant.EPOCH, null))
                .isInstanceOf(SelfVerificationException.class);
        assertThat(e.verified()).isFalse();
    }

    @Test
    void evidenceDatedInTheFuture_isRefused() {
        assertThatThrownBy(
                        () -> new Evidence(EvidenceType.TRAINING, "Course", null, TODAY.plusDays(1), null, null, TODAY))
                .hasMessageContaining("date");
    }

    private static Reviewer reviewer() {
        return new Reviewer(
                null, new Reviewer.Profile("Test", null, Set.of(), Set.of(), Set.of(), true), Instant.EPOCH);
    }
}
