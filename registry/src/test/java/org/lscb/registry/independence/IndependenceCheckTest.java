package org.lscb.registry.independence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lscb.registry.reviewer.Affiliation;
import org.lscb.registry.reviewer.AffiliationKind;
import org.lscb.registry.reviewer.DeclaredInterest;
import org.lscb.registry.reviewer.Reviewer;

/** The independence rule of the guidance [11] at its boundaries. */
class IndependenceCheckTest {

    static final LocalDate DAY = LocalDate.of(2026, 6, 15);
    static final String POLICE = "org-police";
    static final String HEALTH = "org-health";
    static final String BOARD = "org-board";
    static final String OTHER = "org-other";

    private final IndependenceCheck check = IndependenceCheck.standard();

    @Test
    void noAffiliations_isIndependentOfEverything() {
        IndependenceAnswer a = check.check(reviewer(), Set.of(POLICE, HEALTH), BOARD, null, DAY);

        assertThat(a.independent()).isTrue();
        assertThat(a.independentOfLscb()).isTrue();
        assertThat(a.conflicts()).isEmpty();
    }

    @Test
    void openEndedEmploymentWithAnInvolvedAgency_isCurrentConflict() {
        Reviewer r = reviewer(
                new Affiliation(POLICE, AffiliationKind.EMPLOYMENT, "Detective", LocalDate.of(2010, 1, 1), null));

        IndependenceAnswer a = check.check(r, Set.of(POLICE, HEALTH), BOARD, null, DAY);

        assertThat(a.independent()).isFalse();
        assertThat(a.independentOfLscb()).isTrue();
        assertThat(a.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.reason()).isEqualTo(ConflictReason.CURRENT_AFFILIATION);
            assertThat(c.organisationId()).isEqualTo(POLICE);
            assertThat(c.kind()).isEqualTo("EMPLOYMENT");
            assertThat(c.from()).isEqualTo(LocalDate.of(2010, 1, 1));
            assertThat(c.to()).isNull();
        });
    }

    @Test
    void affiliationEndingOnTheDayOfTheCheck_isStillCurrent() {
        Reviewer r = reviewer(new Affiliation(POLICE, AffiliationKind.CONTRACT, null, LocalDate.of(2020, 1, 1), DAY));

        assertThat(check.check(r, Set.of(POLICE), null, null, DAY).conflicts())
                .extracting(Conflict::reason)
                .containsExactly(ConflictReason.CURRENT_AFFILIATION);
    }

    @Test
    void affiliationEndedExactlyAtTheCutOff_stillConflicts() {
        LocalDate cutOff = DAY.minusYears(5);
        Reviewer r =
                reviewer(new Affiliation(HEALTH, AffiliationKind.SECONDMENT, null, LocalDate.of(2015, 1, 1), cutOff));

        IndependenceAnswer a = check.check(r, Set.of(HEALTH), null, null, DAY);

        assertThat(a.independent()).isFalse();
        assertThat(a.conflicts()).extracting(Conflict::reason).containsExactly(ConflictReason.RECENT_AFFILIATION);
    }

    @Test
    void affiliationEndedTheDayBeforeTheCutOff_hasLapsed() {
        Reviewer r = reviewer(new Affiliation(
                HEALTH,
                AffiliationKind.SECONDMENT,
                null,
                LocalDate.of(2015, 1, 1),
                DAY.minusYears(5).minusDays(1)));

        assertThat(check.check(r, Set.of(HEALTH), null, null, DAY).independent())
                .isTrue();
    }

    @Test
    void futureDatedAffiliation_conflictsAsAgreedForTheFuture() {
        Reviewer r = reviewer(new Affiliation(POLICE, AffiliationKind.EMPLOYMENT, null, DAY.plusDays(1), null));

        assertThat(check.check(r, Set.of(POLICE), null, null, DAY).conflicts())
                .extracting(Conflict::reason)
                .containsExactly(ConflictReason.FUTURE_AFFILIATION);
    }

    @Test
    void affiliationWithAnOrganisationNotInvolved_doesNotCount() {
        Reviewer r = reviewer(new Affiliation(OTHER, AffiliationKind.EMPLOYMENT, null, LocalDate.of(2000, 1, 1), null));

        assertThat(check.check(r, Set.of(POLICE, HEALTH), BOARD, null, DAY).independent())
                .isTrue();
    }

    @Test
    void severalAffiliationsAtOnce_areEachReported() {
        Reviewer r = reviewer(
                new Affiliation(
                        POLICE, AffiliationKind.EMPLOYMENT, null, LocalDate.of(2005, 1, 1), LocalDate.of(2023, 3, 31)),
                new Affiliation(HEALTH, AffiliationKind.VOLUNTEER, null, LocalDate.of(2024, 1, 1), null),
                new Affiliation(OTHER, AffiliationKind.CONTRACT, null, LocalDate.of(2024, 1, 1), null),
                new Affiliation(
                        POLICE, AffiliationKind.CONTRACT, null, LocalDate.of(1990, 1, 1), LocalDate.of(1995, 1, 1)));

        IndependenceAnswer a = check.check(r, Set.of(POLICE, HEALTH), BOARD, null, DAY);

        assertThat(a.independent()).isFalse();
        assertThat(a.conflicts())
                .extracting(Conflict::reason, Conflict::organisationId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ConflictReason.RECENT_AFFILIATION, POLICE),
                        org.assertj.core.groups.Tuple.tuple(ConflictReason.CURRENT_AFFILIATION, HEALTH));
    }

    @Test
    void boardSeatOnTheCommissioningLscb_failsOnlyIndependenceOfTheLscb() {
        Reviewer r = reviewer(
                new Affiliation(BOARD, AffiliationKind.BOARD, "Independent member", LocalDate.of(2022, 1, 1), null));

        IndependenceAnswer a = check.check(r, Set.of(POLICE, HEALTH), BOARD, null, DAY);

        assertThat(a.independent()).isTrue();
        assertThat(a.independentOfLscb()).isFalse();
        assertThat(a.conflicts()).extracting(Conflict::reason).containsExactly(ConflictReason.BOARD_MEMBERSHIP);
    }

    @Test
    void boardThatIsAlsoAnInvolvedOrganisation_failsBoth() {
        Reviewer r = reviewer(new Affiliation(BOARD, AffiliationKind.EMPLOYMENT, null, LocalDate.of(2022, 1, 1), null));

        IndependenceAnswer a = check.check(r, Set.of(BOARD, POLICE), BOARD, null, DAY);

        assertThat(a.independent()).isFalse();
        assertThat(a.independentOfLscb()).isFalse();
    }

    @Test
    void employmentByAnotherBoard_isIndependentOfTheCommissioningOne() {
        Reviewer r = reviewer(
                new Affiliation("org-other-board", AffiliationKind.EMPLOYMENT, null, LocalDate.of(2022, 1, 1), null));

        assertThat(check.check(r, Set.of(POLICE), BOARD, null, DAY).independentOfLscb())
                .isTrue();
    }

    @Test
    void declaredRelationshipWithSomeoneInAnInvolvedAgency_conflicts() {
        Reviewer r = reviewer();
        r.declareInterest(
                new DeclaredInterest("Sister is a health visitor there", HEALTH, null, Instant.EPOCH), Instant.EPOCH);

        IndependenceAnswer a = check.check(r, Set.of(HEALTH), null, null, DAY);

        assertThat(a.independent()).isFalse();
        assertThat(a.conflicts()).extracting(Conflict::reason).containsExactly(ConflictReason.DECLARED_INTEREST);
    }

    @Test
    void declaredDirectInvolvementInTheCase_conflictsForThatReviewOnly() {
        Reviewer r = reviewer();
        r.declareInterest(
                new DeclaredInterest("Named as a practitioner in an IMR", null, "review-1", Instant.EPOCH),
                Instant.EPOCH);

        assertThat(check.check(r, Set.of(POLICE), null, "review-1", DAY).conflicts())
                .extracting(Conflict::reason)
                .containsExactly(ConflictReason.DIRECT_INVOLVEMENT);
        assertThat(check.check(r, Set.of(POLICE), null, "review-2", DAY).independent())
                .isTrue();
    }

    @Test
    void lookBackIsConfigurable() {
        Reviewer r = reviewer(
                new Affiliation(POLICE, AffiliationKind.EMPLOYMENT, null, LocalDate.of(2010, 1, 1), DAY.minusYears(3)));

        assertThat(new IndependenceCheck(Period.ofYears(2))
                        .check(r, Set.of(POLICE), null, null, DAY)
                        .independent())
                .isTrue();
        assertThat(new IndependenceCheck(Period.ofYears(5))
                        .check(r, Set.of(POLICE), null, null, DAY)
                        .independent())
                .isFalse();
    }

    static Reviewer reviewer(Affiliation... affiliations) {
        Reviewer r = new Reviewer(
                null, new Reviewer.Profile("Test Reviewer", null, Set.of(), Set.of(), Set.of(), true), Instant.EPOCH);
        for (Affiliation a : affiliations) {
            r.addAffiliation(a, Instant.EPOCH);
        }
        return r;
    }
}
