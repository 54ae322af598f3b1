package org.lscb.reviews;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Optional;
import org.lscb.foundation.value.InvalidValueException;

/**
 * What a child death review needs to know about the death, without naming the child: the age in
 * whole years and the circumstances that start the rapid-response clocks. The CDOP reviews every death
 * of a child under 18, excluding stillbirths and lawful terminations of pregnancy [27]; a death
 * abroad of a child normally resident in England is still reviewed by the board of residence [24].
 */
@Embeddable
public class ChildDeath {

    /** Reviews cover deaths "up to the age of 18" [27]: 0 to 17 whole years. */
    public static final int AGE_LIMIT = 18;

    /** The neonatal period: the first 28 days of life (0 to 27 days). */
    public static final int NEONATAL_DAYS = 28;

    @Column(name = "age_at_death_years")
    private Integer ageAtDeathYears;

    /**
     * For a death in the first year, whether it came in the first 28 days (the neonatal period): the statistics
     * count those deaths apart [28]. Only this is kept, never the age in days, which with the day of death would
     * give the date of birth.
     */
    @Column(name = "death_neonatal")
    private Boolean neonatal;

    @Column(name = "death_unexpected")
    private Boolean unexpected;

    @Column(name = "death_at_home")
    private Boolean atHome;

    @Column(name = "death_abroad")
    private Boolean abroad;

    @Column(name = "death_in_custody")
    private Boolean inCustody;

    /** The time of death when it is known (a notified death gives it); null when only its day is. */
    @Column(name = "died_at")
    private Instant diedAt;

    protected ChildDeath() {}

    /**
     * Whether a death counts as unexpected, from what the notifier said: an answer not given counts as
     * unexpected, so the rapid-response clocks start (the coroner's joint report [37], the home visit [32]).
     * Appendix 1: "If in doubt, the processes for unexpected child deaths should be followed until the
     * available evidence enables a different decision to be made."
     *
     * @param said true or false as the notifier said it, null when they did not say
     */
    public static boolean unexpectedUnlessSaid(Boolean said) {
        return said == null || said;
    }

    /**
     * @throws InvalidValueException for a person aged 18 or over, a stillbirth or a lawful termination,
     *                               naming the field
     */
    public ChildDeath(
            Integer ageAtDeathYears,
            boolean stillbirth,
            boolean lawfulTermination,
            boolean unexpected,
            boolean atHome,
            boolean abroad,
            boolean inCustody) {
        if (ageAtDeathYears == null) {
            throw new InvalidValueException("childDeath.ageAtDeathYears", "is required for a child death review");
        }
        if (ageAtDeathYears < 0) {
            throw new InvalidValueException("childDeath.ageAtDeathYears", "must not be negative");
        }
        if (ageAtDeathYears >= AGE_LIMIT) {
            throw new InvalidValueException(
                    "childDeath.ageAtDeathYears",
                    "child death reviews cover deaths under 18; a person aged " + ageAtDeathYears
                            + " is not reviewed here [27]");
        }
        if (stillbirth) {
            throw new InvalidValueException(
                    "childDeath.stillbirth", "stillbirths are excluded from child death reviews [27]");
        }
        if (lawfulTermination) {
            throw new InvalidValueException(
                    "childDeath.lawfulTermination",
                    "planned terminations of pregnancy carried out within the law are excluded from child death reviews [27]");
        }
        this.ageAtDeathYears = ageAtDeathYears;
        this.unexpected = unexpected;
        this.atHome = atHome;
        this.abroad = abroad;
        this.inCustody = inCustody;
    }

    /**
     * The same death with whether it was neonatal, from the age in days of a child who died in the first year (the
     * statistics count deaths under 28 days apart from the rest of the first year [28]); the days are not kept.
     *
     * @throws InvalidValueException for a negative age, an age of a year or more, or a child over a year old
     */
    public ChildDeath withAgeInDays(Integer days) {
        if (days == null) {
            return this;
        }
        if (ageAtDeathYears != 0) {
            throw new InvalidValueException(
                    "childDeath.ageAtDeathDays", "is only for a death in the first year (ageAtDeathYears 0)");
        }
        if (days < 0 || days > 365) {
            throw new InvalidValueException("childDeath.ageAtDeathDays", "must be from 0 to 365 days");
        }
        ChildDeath d = copy();
        d.neonatal = days < NEONATAL_DAYS;
        return d;
    }

    /** The same facts in a record of their own, for another review of the same death (an SCR referral). */
    ChildDeath copy() {
        ChildDeath d = new ChildDeath();
        d.ageAtDeathYears = ageAtDeathYears;
        d.neonatal = neonatal;
        d.unexpected = unexpected;
        d.atHome = atHome;
        d.abroad = abroad;
        d.inCustody = inCustody;
        d.diedAt = diedAt;
        return d;
    }

    /** The same death at a known time: the visit decision's 24 hours run from it [32]. */
    public ChildDeath at(Instant time) {
        ChildDeath d = copy();
        d.diedAt = time;
        return d;
    }

    public Optional<Instant> diedAt() {
        return Optional.ofNullable(diedAt);
    }

    public boolean recorded() {
        return ageAtDeathYears != null;
    }

    public Integer ageAtDeathYears() {
        return ageAtDeathYears;
    }

    /** For a death in the first year, whether within the first 28 days; null when not known or not an infant. */
    public Boolean neonatal() {
        return neonatal;
    }

    public boolean unexpected() {
        return Boolean.TRUE.equals(unexpected);
    }

    public boolean atHome() {
        return Boolean.TRUE.equals(atHome);
    }

    public boolean abroad() {
        return Boolean.TRUE.equals(abroad);
    }

    public boolean inCustody() {
        return Boolean.TRUE.equals(inCustody);
    }
}
