package org.lscb.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.lscb.reviews.ReviewFixtures.HEALTH;
import static org.lscb.reviews.ReviewFixtures.LEAD_BOARD;
import static org.lscb.reviews.ReviewFixtures.NOW;
import static org.lscb.reviews.ReviewFixtures.OFFICER;
import static org.lscb.reviews.ReviewFixtures.POLICE;
import static org.lscb.reviews.ReviewFixtures.SCHOOL;
import static org.lscb.reviews.ReviewFixtures.SOCIAL_CARE;
import static org.lscb.reviews.ReviewFixtures.TODAY;
import static org.lscb.reviews.ReviewFixtures.employedBy;
import static org.lscb.reviews.ReviewFixtures.reviewer;
import static org.lscb.reviews.ReviewFixtures.scr;
import static org.lscb.reviews.ReviewTest.assertRefused;
import static org.lscb.reviews.ReviewTest.assertRuleCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.registry.independence.Conflict;
import org.lscb.registry.independence.ConflictReason;
import org.lscb.registry.independence.IndependenceAnswer;
import org.lscb.registry.independence.IndependenceCheck;
import org.lscb.registry.reviewer.Affiliation;
import org.lscb.registry.reviewer.AffiliationKind;
import org.lscb.registry.reviewer.Reviewer;

/** Appointing people to a review, ending appointments, and re-running independence when organisations change [11]. */
class AppointmentTest {

    private static final IndependenceCheck CHECK = IndependenceCheck.standard();
    private static final Instant LATER = Instant.parse("2026-06-15T14:00:00Z");
    private static final String OVERRIDE =
            "Only reviewer with forensic expertise; police role ended before the incident";

    private final Review review = scr(); // organisations: POLICE, HEALTH

    @Test
    void independentLead_isAppointed() {
        Reviewer lead = reviewer(employedBy(SCHOOL));

        Appointment a = appointLead(lead, null);

        assertThat(a.active()).isTrue();
        assertThat(a.role()).isEqualTo(AppointmentRole.LEAD_REVIEWER);
        assertThat(a.reviewerId()).contains(lead.id());
        assertThat(a.accountId()).isEmpty();
        assertThat(a.appointedBy()).isEqualTo(OFFICER);
        assertThat(a.appointedAt()).isEqualTo(NOW);
        assertThat(a.overrideReason()).isEmpty();
        assertThat(a.flagged()).isFalse();
        assertThat(review.activeAppointments()).containsExactly(a);
    }

    @Test
    void appointConflictedLead_isRefusedCarryingEveryConflict() {
        Reviewer lead = reviewer(
                employedBy(POLICE),
                new Affiliation(
                        HEALTH, AffiliationKind.VOLUNTEER, null, LocalDate.of(2020, 1, 1), LocalDate.of(2024, 12, 31)));

        assertThatThrownBy(() -> appointLead(lead, null)).isInstanceOfSatisfying(NotIndependentException.class, e -> {
            assertThat(e.answer().independent()).isFalse();
            assertThat(e.answer().conflicts())
                    .extracting(Conflict::reason, Conflict::organisationId)
                    .containsExactlyInAnyOrder(
                            tuple(ConflictReason.CURRENT_AFFILIATION, POLICE),
                            tuple(ConflictReason.RECENT_AFFILIATION, HEALTH));
            assertThat(e.getMessage())
                    .contains(lead.id())
                    .contains(review.id())
                    .contains("CURRENT_AFFILIATION")
                    .contains("RECENT_AFFILIATION")
                    .contains("Chair");
        });
        assertThat(review.appointments()).isEmpty();
    }

    @Test
    void conflictedLeadWithTheChairsOverride_isAppointedKeepingTheReason() {
        Reviewer lead = reviewer(employedBy(POLICE));

        Appointment a = appointLead(lead, OVERRIDE);

        assertThat(a.active()).isTrue();
        assertThat(a.overrideReason()).contains(OVERRIDE);
        assertThat(a.flagged()).isFalse();
    }

    @Test
    void overrideWithABlankReason_isRefusedNamingOverrideReason() {
        Reviewer lead = reviewer(employedBy(POLICE));

        assertRefused(() -> appointLead(lead, "   "), "override.reason");
        assertThat(review.appointments()).isEmpty();
    }

    @Test
    void overrideForAnIndependentLead_isRefusedNamingOverride() {
        Reviewer lead = reviewer(employedBy(SCHOOL));

        assertRefused(() -> appointLead(lead, OVERRIDE), "override");
        assertThat(review.appointments()).isEmpty();
    }

    @Test
    void overrideForAPanelMember_isRefusedNamingOverride() {
        Reviewer member = reviewer(employedBy(POLICE));

        assertRefused(
                () -> review.appoint(
                        AppointmentRole.PANEL_MEMBER, member.id(), null, independence(member), OVERRIDE, OFFICER, NOW),
                "override");
    }

    @Test
    void conflictedPanelMember_isAppointedWithoutOverride() {
        Reviewer member = reviewer(employedBy(POLICE));

        Appointment a = review.appoint(
                AppointmentRole.PANEL_MEMBER, member.id(), null, independence(member), null, OFFICER, NOW);

        assertThat(a.active()).isTrue();
        assertThat(a.overrideReason()).isEmpty();
    }

    @Test
    void leadWhoOnlySitsOnTheLeadBoard_isAppointedAndLeftToThePanelCheck() {
        // Seats on the commissioning board are not conflicts with the case; PanelRule asks for someone independent of
        // the LSCB
        Reviewer lead = reviewer(new Affiliation(
                LEAD_BOARD, AffiliationKind.BOARD, "Independent member", LocalDate.of(2022, 1, 1), null));

        Appointment a = appointLead(lead, null);

        assertThat(a.active()).isTrue();
    }

    @Test
    void paediatricianNamedByReviewerId_isRefusedNamingAccountId() {
        assertRefused(
                () -> review.appoint(AppointmentRole.PAEDIATRICIAN, "reviewer-1", null, null, null, OFFICER, NOW),
                "accountId");
    }

    @Test
    void paediatricianNamedByAccountId_isAppointed() {
        Appointment a = review.appoint(AppointmentRole.PAEDIATRICIAN, null, "account-paed", null, null, OFFICER, NOW);

        assertThat(a.accountId()).contains("account-paed");
        assertThat(a.reviewerId()).isEmpty();
        assertThat(a.role()).isEqualTo(AppointmentRole.PAEDIATRICIAN);
    }

    @Test
    void leadNamedOnlyByAccountId_isRefusedNamingReviewerId() {
        assertRefused(
                () -> review.appoint(AppointmentRole.LEAD_REVIEWER, null, "account-7", null, null, OFFICER, NOW),
                "reviewerId");
    }

    @Test
    void coronerNamedByNobody_isRefusedNamingAccountId() {
        assertRefused(() -> review.appoint(AppointmentRole.CORONER, null, null, null, null, OFFICER, NOW), "accountId");
        assertThat(review.appointments()).isEmpty();
    }

    @Test
    void missingRole_isRefusedNamingRole() {
        assertRefused(() -> review.appoint(null, null, "account-7", null, null, OFFICER, NOW), "role");
    }

    @Test
    void samePersonInTheSameRoleTwice_isRefusedAsAlreadyAppointed() {
        Reviewer lead = reviewer();
        appointLead(lead, null);

        assertRuleCode(() -> appointLead(lead, null), "already_appointed");
        review.appoint(AppointmentRole.CORONER, null, "account-cor", null, null, OFFICER, NOW);
        assertRuleCode(
                () -> review.appoint(AppointmentRole.CORONER, null, "account-cor", null, null, OFFICER, NOW),
                "already_appointed");
        assertThat(review.activeAppointments()).hasSize(2);
    }

    @Test
    void samePersonInAnotherRole_isAppointed() {
        Reviewer r = reviewer();
        appointLead(r, null);

        Appointment member =
                review.appoint(AppointmentRole.PANEL_MEMBER, r.id(), null, independence(r), null, OFFICER, NOW);

        assertThat(review.activeAppointments()).hasSize(2).contains(member);
    }

    @Test
    void endedAppointment_isInactiveAndThePersonCanBeAppointedAgain() {
        Reviewer lead = reviewer();
        Appointment a = appointLead(lead, null);

        Appointment ended = review.endAppointment(a.id(), OFFICER, LATER);

        assertThat(ended).isSameAs(a);
        assertThat(a.active()).isFalse();
        assertThat(a.endedAt()).contains(LATER);
        assertThat(a.endedBy()).contains(OFFICER);
        assertThat(a.heldBy(null, lead.id())).isFalse();
        assertThat(review.activeAppointments()).isEmpty();
        assertThat(review.appointments()).containsExactly(a);
        assertThat(appointLead(lead, null).active()).isTrue();
    }

    @Test
    void endingAnUnknownAppointment_isRefused() {
        assertThatThrownBy(() -> review.endAppointment("no-such-appointment", OFFICER, LATER))
                .isInstanceOf(UnknownAppointmentException.class)
                .hasMessageContaining("no-such-appointment");
    }

    @Test
    void endingAnAppointmentTwice_isRefused() {
        Appointment a = appointLead(reviewer(), null);
        review.endAppointment(a.id(), OFFICER, LATER);

        assertThatThrownBy(() -> review.endAppointment(a.id(), OFFICER, LATER.plusSeconds(60)))
                .isInstanceOf(UnknownAppointmentException.class);
        assertThat(a.endedAt()).contains(LATER);
    }

    // ---- re-running independence when the organisations change

    @Test
    void addingAnOrganisationThatEmploysTheLead_flagsTheAppointment() {
        Reviewer lead = reviewer(employedBy(SCHOOL));
        Appointment a = appointLead(lead, null);

        List<Appointment> flagged = review.changeOrganisations(Set.of(POLICE, HEALTH, SCHOOL), checker(lead), LATER);

        assertThat(flagged).containsExactly(a);
        assertThat(a.flagged()).isTrue();
        assertThat(a.flaggedAt()).contains(LATER);
        assertThat(a.flagReasons())
                .hasValueSatisfying(
                        s -> assertThat(s).contains("CURRENT_AFFILIATION").contains("EMPLOYMENT"));
        assertThat(review.organisationIds()).containsExactlyInAnyOrder(POLICE, HEALTH, SCHOOL);
    }

    @Test
    void removingTheConflictingOrganisationAgain_clearsTheFlag() {
        Reviewer lead = reviewer(employedBy(SCHOOL));
        Appointment a = appointLead(lead, null);
        review.changeOrganisations(Set.of(POLICE, HEALTH, SCHOOL), checker(lead), LATER);

        List<Appointment> flagged =
                review.changeOrganisations(Set.of(POLICE, HEALTH), checker(lead), LATER.plusSeconds(60));

        assertThat(flagged).isEmpty();
        assertThat(a.flagged()).isFalse();
        assertThat(a.flaggedAt()).isEmpty();
        assertThat(a.flagReasons()).isEmpty();
    }

    @Test
    void appointmentAlreadyFlagged_isNotReportedAgainButStaysFlagged() {
        Reviewer lead = reviewer(employedBy(SCHOOL), employedBy(SOCIAL_CARE));
        Appointment a = appointLead(lead, null);
        review.changeOrganisations(Set.of(POLICE, HEALTH, SCHOOL), checker(lead), LATER);

        List<Appointment> flagged = review.changeOrganisations(
                Set.of(POLICE, HEALTH, SCHOOL, SOCIAL_CARE), checker(lead), LATER.plusSeconds(60));

        assertThat(flagged).isEmpty();
        assertThat(a.flagged()).isTrue();
        assertThat(a.flaggedAt()).contains(LATER);
        // the reasons now name both employments
        assertThat(a.flagReasons())
                .hasValueSatisfying(s -> assertThat(s.split("; ")).hasSize(2));
    }

    @Test
    void conflictTheChairOverrode_doesNotFlagOnRecheck() {
        Reviewer lead = reviewer(employedBy(POLICE));
        Appointment a = appointLead(lead, OVERRIDE);

        List<Appointment> flagged =
                review.changeOrganisations(Set.of(POLICE, HEALTH, SOCIAL_CARE), checker(lead), LATER);

        assertThat(flagged).isEmpty();
        assertThat(a.flagged()).isFalse();
    }

    @Test
    void newConflictBesideAnOverriddenOne_flagsTheAppointment() {
        Reviewer lead = reviewer(
                employedBy(POLICE),
                new Affiliation(SCHOOL, AffiliationKind.VOLUNTEER, "Governor", LocalDate.of(2023, 9, 1), null));
        Appointment a = appointLead(lead, OVERRIDE);

        List<Appointment> flagged = review.changeOrganisations(Set.of(POLICE, HEALTH, SCHOOL), checker(lead), LATER);

        assertThat(flagged).containsExactly(a);
        assertThat(a.flagReasons()).hasValueSatisfying(s -> assertThat(s).contains("VOLUNTEER"));
        assertThat(a.overrideReason()).contains(OVERRIDE);
    }

    @Test
    void overriddenEmploymentThatHasSinceEnded_doesNotFlagOnRecheck() {
        Reviewer lead = reviewer(new Affiliation(
                POLICE, AffiliationKind.EMPLOYMENT, null, LocalDate.of(2015, 1, 1), LocalDate.of(2026, 7, 31)));
        Appointment a = appointLead(lead, OVERRIDE); // on TODAY (15 June 2026) the employment is current
        LocalDate autumn =
                LocalDate.of(2026, 10, 1); // the employment has ended; the Chair accepted the tie with the police

        List<Appointment> flagged = review.recheckAppointments(id -> review.independenceOf(lead, CHECK, autumn), LATER);

        assertThat(flagged).isEmpty();
        assertThat(a.flagged()).isFalse();
    }

    @Test
    void endedLead_isNotRechecked_butAPanelMemberWhoseEmployerIsNowInvolved_isFlagged() {
        Reviewer ended = reviewer(employedBy(SCHOOL));
        Reviewer member = reviewer(employedBy(SCHOOL));
        Appointment endedLead = appointLead(ended, null);
        review.endAppointment(endedLead.id(), OFFICER, NOW);
        Appointment panel = review.appoint(
                AppointmentRole.PANEL_MEMBER, member.id(), null, independence(member), null, OFFICER, NOW);
        Map<String, Reviewer> byId = Map.of(ended.id(), ended, member.id(), member);

        List<Appointment> flagged = review.changeOrganisations(
                Set.of(POLICE, HEALTH, SCHOOL), id -> review.independenceOf(byId.get(id), CHECK, TODAY), LATER);

        assertThat(flagged).containsExactly(panel);
        assertThat(endedLead.flagged()).isFalse();
        assertThat(panel.flagged()).isTrue();
    }

    @Test
    void panelMemberWithATieKnownAtAppointment_isNotFlaggedByARecheck() {
        Reviewer member = reviewer(employedBy(POLICE));
        Appointment panel = review.appoint(
                AppointmentRole.PANEL_MEMBER, member.id(), null, independence(member), null, OFFICER, NOW);

        List<Appointment> flagged =
                review.recheckAppointments(id -> review.independenceOf(member, CHECK, TODAY), LATER);

        assertThat(flagged).isEmpty();
        assertThat(panel.flagged()).isFalse();
    }

    @Test
    void organisationsNamingTheLeadBoard_areRefusedAndLeftUnchanged() {
        Reviewer lead = reviewer();
        appointLead(lead, null);

        assertThatThrownBy(() -> review.changeOrganisations(Set.of(POLICE, LEAD_BOARD), checker(lead), LATER))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("organisationIds"));
        assertThat(review.organisationIds()).containsExactlyInAnyOrder(POLICE, HEALTH);
    }

    @Test
    void independenceOf_answersAgainstTheReviewsOrganisationsBoardAndCase() {
        Reviewer r = reviewer(
                employedBy(HEALTH),
                new Affiliation(LEAD_BOARD, AffiliationKind.BOARD, null, LocalDate.of(2022, 1, 1), null));

        IndependenceAnswer answer = review.independenceOf(r, CHECK, TODAY);

        assertThat(answer.independent()).isFalse();
        assertThat(answer.independentOfLscb()).isFalse();
        assertThat(answer.conflicts())
                .extracting(Conflict::reason)
                .containsExactlyInAnyOrder(ConflictReason.CURRENT_AFFILIATION, ConflictReason.BOARD_MEMBERSHIP);
    }

    private Appointment appointLead(Reviewer lead, String override) {
        return review.appoint(
                AppointmentRole.LEAD_REVIEWER, lead.id(), null, independence(lead), override, OFFICER, NOW);
    }

    private IndependenceAnswer independence(Reviewer r) {
        return review.independenceOf(r, CHECK, TODAY);
    }

    private Function<String, IndependenceAnswer> checker(Reviewer lead) {
        return id -> {
            assertThat(id).isEqualTo(lead.id());
            return review.independenceOf(lead, CHECK, TODAY);
        };
    }
}
