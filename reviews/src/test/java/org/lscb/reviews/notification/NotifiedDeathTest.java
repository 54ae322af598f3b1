package org.lscb.reviews.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.reviews.ClockKind;
import org.lscb.reviews.KeyDates;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewType;

/** A notified death [24]: its checks, the lead board [25], and "if in doubt, unexpected" (Appendix 1). */
class NotifiedDeathTest {

    static final Instant NOW = Instant.parse("2026-06-15T09:30:00Z");
    static final Instant DIED = Instant.parse("2026-06-14T23:30:00Z"); // 00:30 on 15 June in England
    static final LocalDate BORN = LocalDate.of(2025, 3, 1);

    @Test
    void unexpectedNotSaid_isUnexpected_soTheCoronerAndHomeVisitClocksStart() {
        NotifiedDeath d = notified(null, PlaceOfDeath.HOME);

        Review r = reviewOf(d);

        assertThat(d.unexpected()).isTrue();
        assertThat(d.childDeath().unexpected()).isTrue();
        assertThat(r.clock(ClockKind.CORONER_JOINT_REPORT)).isPresent();
        assertThat(r.clock(ClockKind.HOME_VISIT)).isPresent();
    }

    @Test
    void saidExpected_startsNeitherClock() {
        Review r = reviewOf(notified(false, PlaceOfDeath.HOME));

        assertThat(r.clock(ClockKind.CORONER_JOINT_REPORT)).isEmpty();
        assertThat(r.clock(ClockKind.HOME_VISIT)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"HOME, true", "COMMUNITY, true", "HOSPITAL, false", "ABROAD, false"})
    void homeVisit_isForAnUnexpectedDeathAtHomeOrInTheCommunity(PlaceOfDeath place, boolean visit) {
        Review r = reviewOf(notified(true, place));

        assertThat(r.clock(ClockKind.HOME_VISIT).isPresent()).isEqualTo(visit);
        assertThat(r.clock(ClockKind.CORONER_JOINT_REPORT)).isPresent();
    }

    @Test
    void deathDayAndAge_areReadInEngland() {
        NotifiedDeath d = notified(null, PlaceOfDeath.HOSPITAL);

        assertThat(d.diedOn()).isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(d.ageAtDeathYears()).isEqualTo(1);
    }

    @Test
    void leadBoard_isTheBoardOfResidence_orForALookedAfterChildTheLookingAfterBoard() {
        NotifiedDeath resident = notified(null, PlaceOfDeath.HOME);
        NotifiedDeath lookedAfter = NotifiedDeath.check(
                "9434765919", BORN, DIED, PlaceOfDeath.HOME, "residence", true, "carer", null, null, NOW);

        assertThat(resident.boards().lead()).isEqualTo("residence");
        assertThat(lookedAfter.boards().lead()).isEqualTo("carer");
        assertThat(lookedAfter.boards().cooperating()).containsExactly("residence");
    }

    @Test
    void toString_showsNeitherTheNhsNumberNorTheDateOfBirth() {
        assertThat(notified(null, PlaceOfDeath.HOME).toString())
                .doesNotContain("9434765919")
                .doesNotContain("2025-03-01");
    }

    @Test
    void eachBadField_isRefusedNamingIt() {
        refused("nhsNumber", () -> check("9434765918", BORN, DIED, true, null));
        refused("dateOfBirth", () -> check("9434765919", null, DIED, true, null));
        refused("dateOfBirth", () -> check("9434765919", LocalDate.of(2026, 6, 16), DIED, true, null));
        refused("dateOfBirth", () -> check("9434765919", LocalDate.of(2008, 6, 14), DIED, true, null));
        refused("dateTimeOfDeath", () -> check("9434765919", BORN, null, true, null));
        refused("dateTimeOfDeath", () -> check("9434765919", BORN, NOW.plusSeconds(60), true, null));
        refused("dateTimeOfDeath", () -> check("9434765919", BORN, Instant.parse("2025-02-28T12:00:00Z"), true, null));
        refused("lookedAfter", () -> check("9434765919", BORN, DIED, null, null));
        refused("lookedAfterByLscbId", () -> check("9434765919", BORN, DIED, true, null));
        refused("lookedAfterByLscbId", () -> check("9434765919", BORN, DIED, false, "carer"));
        refused(
                "placeOfDeath",
                () -> NotifiedDeath.check("9434765919", BORN, DIED, null, "residence", false, null, null, null, NOW));
        refused(
                "residenceLscbId",
                () -> NotifiedDeath.check(
                        "9434765919", BORN, DIED, PlaceOfDeath.HOME, " ", false, null, null, null, NOW));
        refused(
                "whatIsKnown",
                () -> NotifiedDeath.check(
                        "9434765919", BORN, DIED, PlaceOfDeath.HOME, "residence", false, null, null, "a\u202eb", NOW));
        refused(
                "whatIsKnown",
                () -> NotifiedDeath.check(
                        "9434765919",
                        BORN,
                        DIED,
                        PlaceOfDeath.HOME,
                        "residence",
                        false,
                        null,
                        null,
                        "x".repeat(1001),
                        NOW));
    }

    @Test
    void aChildOfSeventeen_isReviewed() {
        NotifiedDeath d = check("9434765919", LocalDate.of(2008, 6, 16), DIED, false, null);

        assertThat(d.ageAtDeathYears()).isEqualTo(17);
    }

    private static NotifiedDeath check(
            String nhs, LocalDate born, Instant died, Boolean lookedAfter, String lookingAfter) {
        return NotifiedDeath.check(
                nhs, born, died, PlaceOfDeath.HOME, "residence", lookedAfter, lookingAfter, null, null, NOW);
    }

    private static NotifiedDeath notified(Boolean unexpected, PlaceOfDeath place) {
        return NotifiedDeath.check("9434765919", BORN, DIED, place, "residence", false, null, unexpected, "known", NOW);
    }

    private static Review reviewOf(NotifiedDeath d) {
        return new Review(
                new Review.Opening(
                        ReviewType.CHILD_DEATH_REVIEW,
                        "CDN-1",
                        "Child A",
                        d.boards(),
                        Set.of(),
                        new KeyDates(null, d.diedOn(), d.diedOn(), null, null, d.diedOn()),
                        d.childDeath(),
                        d.lookedAfter()),
                "notifier",
                NOW);
    }

    private static void refused(String field, Runnable r) {
        assertThatThrownBy(r::run)
                .as(field)
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
