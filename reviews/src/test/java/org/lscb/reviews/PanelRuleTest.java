package org.lscb.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lscb.reviews.ReviewFixtures.LEAD_BOARD;
import static org.lscb.reviews.ReviewFixtures.NOW;
import static org.lscb.reviews.ReviewFixtures.OFFICER;
import static org.lscb.reviews.ReviewFixtures.POLICE;
import static org.lscb.reviews.ReviewFixtures.SCHOOL;
import static org.lscb.reviews.ReviewFixtures.TODAY;
import static org.lscb.reviews.ReviewFixtures.employedBy;
import static org.lscb.reviews.ReviewFixtures.qualifiedReviewer;
import static org.lscb.reviews.ReviewFixtures.reviewer;
import static org.lscb.reviews.ReviewFixtures.scr;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lscb.registry.independence.IndependenceCheck;
import org.lscb.registry.reviewer.Affiliation;
import org.lscb.registry.reviewer.AffiliationKind;
import org.lscb.registry.reviewer.Evidence;
import org.lscb.registry.reviewer.EvidenceType;
import org.lscb.registry.reviewer.QualificationRule;
import org.lscb.registry.reviewer.Reviewer;
import org.lscb.reviews.PanelRule.Requirement;

/** Whether the appointed reviewers meet the guidance: a lead, someone independent, someone qualified [11, 15]. */
class PanelRuleTest {

    private static final IndependenceCheck CHECK = IndependenceCheck.standard();
    private static final String OVERRIDE = "Chair accepts the police tie: no other reviewer with the expertise";

    private final PanelRule rule = new PanelRule(CHECK, QualificationRule.standard());
    private final Review review = scr(); // organisations: POLICE, HEALTH; lead board LEAD_BOARD
    private final Map<String, Reviewer> reviewers = new HashMap<>();

    @Test
    void noAppointments_meetNoRequirement() {
        PanelRule.Answer a = rule.check(review, reviewers, TODAY);

        assertThat(a.meetsGuidance()).isFalse();
        assertThat(a.unmet())
                .containsExactly(
                        Requirement.LEAD_REVIEWER_APPOINTED,
                        Requirement.INDEPENDENT_REVIEWER,
                        Requirement.QUALIFIED_REVIEWER);
    }

    @Test
    void independentQualifiedLead_meetsTheGuidance() {
        appoint(AppointmentRole.LEAD_REVIEWER, qualifiedReviewer(employedBy(SCHOOL)), null);

        PanelRule.Answer a = rule.check(review, reviewers, TODAY);

        assertThat(a.meetsGuidance()).isTrue();
        assertThat(a.unmet()).isEmpty();
    }

    @Test
    void leadSittingOnTheLeadBoard_isNotCountedAsIndependent() {
        appoint(
                AppointmentRole.LEAD_REVIEWER,
                qualifiedReviewer(new Affiliation(
                        LEAD_BOARD, AffiliationKind.BOARD, "Independent member", LocalDate.of(2022, 1, 1), null)),
                null);

        PanelRule.Answer a = rule.check(review, reviewers, TODAY);

        assertThat(a.meetsGuidance()).isFalse();
        assertThat(a.unmet()).containsExactly(Requirement.INDEPENDENT_REVIEWER);
    }

    @Test
    void overriddenConflictedLeadAlone_isNeitherAnIndependentLeadNorAnIndependentReviewer() {
        appoint(AppointmentRole.LEAD_REVIEWER, qualifiedReviewer(employedBy(POLICE)), OVERRIDE);

        assertThat(rule.check(review, reviewers, TODAY).unmet())
                .containsExactly(Requirement.INDEPENDENT_LEAD, Requirement.INDEPENDENT_REVIEWER);
    }

    @Test
    void overriddenQualifiedLeadWithAnIndependentQualifiedPanel_stillDoesNotMeetTheGuidance() {
        Appointment lead = appoint(AppointmentRole.LEAD_REVIEWER, qualifiedReviewer(employedBy(POLICE)), OVERRIDE);
        appoint(AppointmentRole.PANEL_MEMBER, qualifiedReviewer(employedBy(SCHOOL)), null);

        PanelRule.Answer a = rule.check(review, reviewers, TODAY);

        assertThat(a.meetsGuidance()).isFalse();
        assertThat(a.unmet()).containsExactly(Requirement.INDEPENDENT_LEAD);
        assertThat(lead.overrideReason()).contains(OVERRIDE); // the override stays on record
    }

    @Test
    void leadWhoseOverriddenConflictHasEnded_stillReportsTheOverride() {
        Reviewer r = qualifiedReviewer(employedBy(POLICE));
        appoint(AppointmentRole.LEAD_REVIEWER, r, OVERRIDE);
        reviewers.put(r.id(), qualifiedReviewer(employedBy(SCHOOL))); // as if the tie had gone

        assertThat(rule.check(review, reviewers, TODAY).unmet()).contains(Requirement.INDEPENDENT_LEAD);
    }

    @Test
    void independentUnqualifiedLeadWithAConflictedQualifiedPanelMember_meetsTheGuidance() {
        appoint(AppointmentRole.LEAD_REVIEWER, reviewer(), null);
        appoint(AppointmentRole.PANEL_MEMBER, qualifiedReviewer(employedBy(POLICE)), null);

        assertThat(rule.check(review, reviewers, TODAY).meetsGuidance()).isTrue();
    }

    @Test
    void independentUnqualifiedLead_lacksAQualifiedReviewer() {
        appoint(AppointmentRole.LEAD_REVIEWER, reviewer(employedBy(SCHOOL)), null);

        assertThat(rule.check(review, reviewers, TODAY).unmet()).containsExactly(Requirement.QUALIFIED_REVIEWER);
    }

    @Test
    void independentQualifiedPanelMemberWithoutALead_lacksALead() {
        appoint(AppointmentRole.PANEL_MEMBER, qualifiedReviewer(), null);

        assertThat(rule.check(review, reviewers, TODAY).unmet()).containsExactly(Requirement.LEAD_REVIEWER_APPOINTED);
    }

    @Test
    void endedAppointments_doNotCount() {
        Appointment lead = appoint(AppointmentRole.LEAD_REVIEWER, qualifiedReviewer(), null);
        appoint(AppointmentRole.PANEL_MEMBER, reviewer(employedBy(POLICE)), null);
        assertThat(rule.check(review, reviewers, TODAY).meetsGuidance()).isTrue();

        review.endAppointment(lead.id(), OFFICER, NOW);

        assertThat(rule.check(review, reviewers, TODAY).unmet())
                .containsExactly(
                        Requirement.LEAD_REVIEWER_APPOINTED,
                        Requirement.INDEPENDENT_REVIEWER,
                        Requirement.QUALIFIED_REVIEWER);
    }

    @Test
    void paediatricianAndCoroner_doNotCountAndNeedNoReviewerProfile() {
        review.appoint(AppointmentRole.PAEDIATRICIAN, null, "account-paed", null, null, OFFICER, NOW);
        review.appoint(AppointmentRole.CORONER, null, "account-coroner", null, null, OFFICER, NOW);

        assertThat(rule.check(review, reviewers, TODAY).unmet())
                .containsExactly(
                        Requirement.LEAD_REVIEWER_APPOINTED,
                        Requirement.INDEPENDENT_REVIEWER,
                        Requirement.QUALIFIED_REVIEWER);
    }

    @Test
    void independence_isJudgedAgainstTheOrganisationsAsTheyNowStand() {
        Reviewer lead = qualifiedReviewer(employedBy(SCHOOL));
        appoint(AppointmentRole.LEAD_REVIEWER, lead, null);
        assertThat(rule.check(review, reviewers, TODAY).meetsGuidance()).isTrue();

        review.changeOrganisations(Set.of(POLICE, SCHOOL), id -> review.independenceOf(lead, CHECK, TODAY), NOW);

        assertThat(rule.check(review, reviewers, TODAY).unmet())
                .containsExactly(Requirement.INDEPENDENT_LEAD, Requirement.INDEPENDENT_REVIEWER);
    }

    @Test
    void qualification_isJudgedOnTheDayOfTheCheck() {
        Reviewer lead = reviewer();
        Evidence training = lead.addEvidence(
                new Evidence(
                        EvidenceType.TRAINING,
                        "Systems model course",
                        "SCIE",
                        LocalDate.of(2021, 6, 15),
                        null,
                        null,
                        TODAY),
                NOW);
        lead.verifyEvidence(training.id(), OFFICER, NOW, null);
        appoint(AppointmentRole.LEAD_REVIEWER, lead, null);

        assertThat(rule.check(review, reviewers, TODAY).meetsGuidance()).isTrue(); // last day of revalidation
        assertThat(rule.check(review, reviewers, TODAY.plusDays(1)).unmet())
                .containsExactly(Requirement.QUALIFIED_REVIEWER);
    }

    @Test
    void everyRequirement_hasASentenceForTheUser() {
        for (Requirement r : Requirement.values()) {
            assertThat(r.unmetSentence()).as(r.name()).startsWith("no ");
        }
    }

    private Appointment appoint(AppointmentRole role, Reviewer r, String override) {
        reviewers.put(r.id(), r);
        return review.appoint(role, r.id(), null, review.independenceOf(r, CHECK, TODAY), override, OFFICER, NOW);
    }
}
