package org.lscb.registry.independence;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.lscb.registry.reviewer.Affiliation;
import org.lscb.registry.reviewer.DeclaredInterest;
import org.lscb.registry.reviewer.Reviewer;

/**
 * The guidance's independence rule [11]: a reviewer is not independent of a review when any of these
 * holds, each a named {@link ConflictReason}:
 * <ul>
 * <li>an affiliation (employment, contract, secondment, board seat, volunteering) with an involved
 *     organisation that is current, agreed for the future, or ended on or after the cut-off
 *     (the day of the check minus the look-back period, default five years);</li>
 * <li>a declared interest naming an involved organisation, or direct involvement in the review;</li>
 * <li>for "independent of the LSCB": such an affiliation with the commissioning board.</li>
 * </ul>
 * An affiliation that ended exactly on the cut-off day still counts; one that ended the day before does not.
 */
public final class IndependenceCheck {

    public static final Period DEFAULT_LOOK_BACK = Period.ofYears(5);

    private final Period lookBack;

    public IndependenceCheck(Period lookBack) {
        if (lookBack.isNegative()) {
            throw new IllegalArgumentException("look-back period must not be negative");
        }
        this.lookBack = lookBack;
    }

    public static IndependenceCheck standard() {
        return new IndependenceCheck(DEFAULT_LOOK_BACK);
    }

    /** The first day whose affiliations still count on {@code day}. */
    public LocalDate cutOff(LocalDate day) {
        return day.minus(lookBack);
    }

    /**
     * @param organisationIds    the organisations whose actions are reviewed
     * @param commissioningBoard the LSCB commissioning the review, or null when none is in question
     * @param reviewId           the review, for declared direct involvement, or null
     * @param day                the day of the check
     */
    public IndependenceAnswer check(
            Reviewer reviewer, Set<String> organisationIds, String commissioningBoard, String reviewId, LocalDate day) {
        List<Conflict> conflicts = new ArrayList<>();
        boolean ofLscb = true;
        LocalDate cutOff = cutOff(day);
        for (Affiliation a : reviewer.affiliations()) {
            ConflictReason timing = timing(a, day, cutOff);
            if (timing == null) {
                continue;
            }
            if (organisationIds.contains(a.organisationId())) {
                conflicts.add(new Conflict(
                        timing,
                        a.organisationId(),
                        a.kind().name(),
                        a.from(),
                        a.to().orElse(null),
                        describe(a, timing)));
            }
            if (a.organisationId().equals(commissioningBoard)) {
                ofLscb = false;
                conflicts.add(new Conflict(
                        ConflictReason.BOARD_MEMBERSHIP,
                        a.organisationId(),
                        a.kind().name(),
                        a.from(),
                        a.to().orElse(null),
                        describe(a, timing) + " of the commissioning board"));
            }
        }
        boolean ofCase = conflicts.stream().noneMatch(c -> c.reason() != ConflictReason.BOARD_MEMBERSHIP);
        for (DeclaredInterest i : reviewer.interests()) {
            if (reviewId != null && reviewId.equals(i.reviewId())) {
                conflicts.add(new Conflict(
                        ConflictReason.DIRECT_INVOLVEMENT, i.organisationId(), null, null, null, i.description()));
                ofCase = false;
            } else if (i.organisationId() != null && organisationIds.contains(i.organisationId())) {
                conflicts.add(new Conflict(
                        ConflictReason.DECLARED_INTEREST, i.organisationId(), null, null, null, i.description()));
                ofCase = false;
            }
        }
        return new IndependenceAnswer(ofCase, ofLscb, conflicts);
    }

    /** Whether an affiliation still counts on {@code day}, and as what; null when it has lapsed. */
    private static ConflictReason timing(Affiliation a, LocalDate day, LocalDate cutOff) {
        if (a.from().isAfter(day)) {
            return ConflictReason.FUTURE_AFFILIATION;
        }
        if (a.to().isEmpty() || !a.to().get().isBefore(day)) {
            return ConflictReason.CURRENT_AFFILIATION;
        }
        return a.to().get().isBefore(cutOff) ? null : ConflictReason.RECENT_AFFILIATION;
    }

    private static String describe(Affiliation a, ConflictReason timing) {
        String span = a.from() + " to " + a.to().map(Object::toString).orElse("now");
        return switch (timing) {
            case FUTURE_AFFILIATION -> a.kind() + " agreed from " + a.from();
            case RECENT_AFFILIATION -> a.kind() + " " + span + ", within the look-back period";
            default -> a.kind() + " " + span;
        };
    }

    public Period lookBack() {
        return lookBack;
    }
}
