package org.lscb.reviews.notification;

import static org.lscb.reviews.clock.TimedClock.ENGLAND;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.foundation.value.Text;
import org.lscb.reviews.ChildDeath;
import org.lscb.reviews.LeadBoardRule;
import org.lscb.reviews.ReviewType;

/**
 * What a professional tells the board when a child dies [24], checked. It holds the NHS number and the date of
 * birth in memory only, long enough to make the {@link ChildKey} and the age at death; {@link #toString} shows
 * neither, and nothing here is stored as given but through {@link ChildDeathNotification}.
 *
 * @param nhsNumber           ten digits with a right check digit ({@link NhsNumber})
 * @param residenceLscbId     the board of the area where the child normally lived [23, 25]
 * @param lookedAfterByLscbId for a looked-after child, the board of the local authority looking after them [25];
 *                            null otherwise
 * @param unexpectedSaid      whether the notifier said the death was unexpected; null when they did not say
 */
public record NotifiedDeath(
        String nhsNumber,
        LocalDate dateOfBirth,
        Instant diedAt,
        PlaceOfDeath place,
        String residenceLscbId,
        String lookedAfterByLscbId,
        Boolean unexpectedSaid,
        String whatIsKnown) {

    /** "What is known" is a few sentences; the detail goes in the encrypted reporting form. */
    public static final int MAX_WHAT_IS_KNOWN = 1000;

    /**
     * Checks a notification as given; the field names are the request's.
     *
     * @param lookedAfter whether the child was looked after; required
     * @param now         the time the notification arrives: the death is not later
     * @throws InvalidValueException naming the field: a missing or wrong NHS number, a date of birth in the future
     *     or 18 years or more before the death [27], a death in the future or before the birth, a looked-after
     *     child without the looking-after board (or a board for a child not looked after), free text too long
     *     or with control characters
     */
    public static NotifiedDeath check(
            String nhsNumber,
            LocalDate dateOfBirth,
            Instant diedAt,
            PlaceOfDeath place,
            String residenceLscbId,
            Boolean lookedAfter,
            String lookedAfterByLscbId,
            Boolean unexpectedSaid,
            String whatIsKnown,
            Instant now) {
        String nhs = NhsNumber.check(nhsNumber, "nhsNumber");
        LocalDate today = LocalDate.ofInstant(now, ENGLAND);
        Text.present(dateOfBirth, "dateOfBirth");
        if (dateOfBirth.isAfter(today)) {
            throw new InvalidValueException("dateOfBirth", "must not be in the future");
        }
        Text.present(diedAt, "dateTimeOfDeath");
        if (diedAt.isAfter(now)) {
            throw new InvalidValueException("dateTimeOfDeath", "must not be in the future");
        }
        LocalDate diedOn = LocalDate.ofInstant(diedAt, ENGLAND);
        if (diedOn.isBefore(dateOfBirth)) {
            throw new InvalidValueException("dateTimeOfDeath", "must not be before the date of birth");
        }
        if (Period.between(dateOfBirth, diedOn).getYears() >= ChildDeath.AGE_LIMIT) {
            throw new InvalidValueException(
                    "dateOfBirth", "child death reviews cover deaths under 18; this person was 18 or over [27]");
        }
        Text.present(place, "placeOfDeath");
        String residence = Text.required(residenceLscbId, "residenceLscbId", 36);
        Text.present(lookedAfter, "lookedAfter");
        String lookingAfter = Text.optional(lookedAfterByLscbId, "lookedAfterByLscbId", 36);
        if (lookedAfter && lookingAfter == null) {
            throw new InvalidValueException(
                    "lookedAfterByLscbId",
                    "is required for a looked-after child: the board of the local authority looking after them leads [25]");
        }
        if (!lookedAfter && lookingAfter != null) {
            throw new InvalidValueException(
                    "lookedAfterByLscbId", "is only for a looked-after child (lookedAfter is false)");
        }
        return new NotifiedDeath(
                nhs,
                dateOfBirth,
                diedAt,
                place,
                residence,
                lookingAfter,
                unexpectedSaid,
                Text.optional(whatIsKnown, "whatIsKnown", MAX_WHAT_IS_KNOWN));
    }

    /** The day of the death in England, from which the rapid-response clocks run. */
    public LocalDate diedOn() {
        return LocalDate.ofInstant(diedAt, ENGLAND);
    }

    public int ageAtDeathYears() {
        return Period.between(dateOfBirth, diedOn()).getYears();
    }

    public boolean lookedAfter() {
        return lookedAfterByLscbId != null;
    }

    /** Appendix 1, "if in doubt": not said counts as unexpected ({@link ChildDeath#unexpectedUnlessSaid}). */
    public boolean unexpected() {
        return ChildDeath.unexpectedUnlessSaid(unexpectedSaid);
    }

    /** The lead board by the rule of [25] ({@link LeadBoardRule}); the board of residence cooperates when it is not the lead. */
    public LeadBoardRule.Boards boards() {
        return LeadBoardRule.derive(
                ReviewType.CHILD_DEATH_REVIEW, residenceLscbId, lookedAfterByLscbId, null, Set.of());
    }

    /**
     * The death as the review keeps it: the age, whether unexpected, and "at home" for a death at home or in the
     * community, the deaths after which a visit is decided within 24 hours [32], counted from the time of death.
     */
    public ChildDeath childDeath() {
        return new ChildDeath(
                        ageAtDeathYears(),
                        false,
                        false,
                        unexpected(),
                        place.homeOrCommunity(),
                        place == PlaceOfDeath.ABROAD,
                        false)
                .withAgeInDays(ageAtDeathYears() == 0 ? (int) ChronoUnit.DAYS.between(dateOfBirth, diedOn()) : null)
                .at(diedAt);
    }

    /** Never the NHS number or the date of birth. */
    @Override
    public String toString() {
        return "NotifiedDeath[died " + diedOn() + ", " + place + ", residence " + residenceLscbId + "]";
    }
}
