package org.lscb.reviews;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.lscb.foundation.value.Text;

/** The facts the Chair decides on, as recorded (docs/domain.md "SCR decision support"). */
@Embeddable
public class ScrFacts {

    @Column(name = "scr_abuse_or_neglect")
    private Boolean abuseOrNeglectKnownOrSuspected;

    @Column(name = "scr_child_died")
    private Boolean childDied;

    @Column(name = "scr_seriously_harmed")
    private Boolean seriouslyHarmed;

    @Enumerated(EnumType.STRING)
    @Column(name = "scr_inter_agency", length = 10)
    private InterAgencyConcern interAgencyConcern;

    /** Died in police custody, on remand, after sentence in custody, or detained under mental health law [17]. */
    @Column(name = "scr_died_in_custody")
    private Boolean diedInCustody;

    protected ScrFacts() {}

    public ScrFacts(
            Boolean abuseOrNeglectKnownOrSuspected,
            Boolean childDied,
            Boolean seriouslyHarmed,
            InterAgencyConcern interAgencyConcern,
            Boolean diedInCustody) {
        this.abuseOrNeglectKnownOrSuspected =
                Text.present(abuseOrNeglectKnownOrSuspected, "facts.abuseOrNeglectKnownOrSuspected");
        this.childDied = Text.present(childDied, "facts.childDied");
        this.seriouslyHarmed = Text.present(seriouslyHarmed, "facts.seriouslyHarmed");
        this.interAgencyConcern = Text.present(interAgencyConcern, "facts.interAgencyConcern");
        this.diedInCustody = diedInCustody != null && diedInCustody;
        if (this.diedInCustody && !childDied) {
            throw new org.lscb.foundation.value.InvalidValueException(
                    "facts.diedInCustody", "a death in custody needs childDied true");
        }
    }

    public boolean abuseOrNeglectKnownOrSuspected() {
        return Boolean.TRUE.equals(abuseOrNeglectKnownOrSuspected);
    }

    public boolean childDied() {
        return Boolean.TRUE.equals(childDied);
    }

    public boolean seriouslyHarmed() {
        return Boolean.TRUE.equals(seriouslyHarmed);
    }

    public InterAgencyConcern interAgencyConcern() {
        return interAgencyConcern;
    }

    public boolean diedInCustody() {
        return Boolean.TRUE.equals(diedInCustody);
    }

    /** True once facts were recorded (the embeddable is all nulls before). */
    public boolean recorded() {
        return abuseOrNeglectKnownOrSuspected != null;
    }
}
