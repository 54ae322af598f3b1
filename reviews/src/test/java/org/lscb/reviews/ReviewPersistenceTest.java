package org.lscb.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lscb.foundation.persistence.Database;
import org.lscb.foundation.persistence.SchemaMigrations;
import org.lscb.foundation.persistence.TestDataSources;
import org.lscb.identity.account.Role;
import org.lscb.identity.organisation.Organisation;
import org.lscb.identity.organisation.OrganisationKind;
import org.lscb.identity.organisation.OrganisationRepository;
import org.lscb.registry.independence.IndependenceCheck;
import org.lscb.registry.reviewer.ExpertiseArea;
import org.lscb.registry.reviewer.Region;
import org.lscb.registry.reviewer.Reviewer;
import org.lscb.registry.reviewer.ReviewerRepository;
import org.lscb.registry.reviewer.Skill;
import org.lscb.reviews.cdop.ModifiableFactors;
import org.lscb.reviews.clock.TimedClock;
import org.lscb.reviews.statistics.ChildDeathStatistics;

/** The review aggregate, its clocks, pauses and appointments round-trip through the Flyway schema on H2 and PostgreSQL. */
class ReviewPersistenceTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final Instant NOW = Instant.parse("2026-06-15T09:30:00Z");
    private Database database;

    @BeforeEach
    void open() {
        var ds = TestDataSources.fresh();
        SchemaMigrations.apply(ds, List.of("foundation", "identity", "registry", "reviews"));
        database = Database.open(ds, "META-INF/reviews-test-persistence.xml");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aManagementReviewOpenedWithNoKeyDates_readsBackWithEmptyDates() {
        String board = organisation("Dateless LSCB", OrganisationKind.LSCB);
        String id = database.inTransaction(em -> {
            Review r = new Review(
                    new Review.Opening(
                            ReviewType.MANAGEMENT_REVIEW,
                            "DL-MR-1",
                            "Child B",
                            LeadBoardRule.derive(ReviewType.MANAGEMENT_REVIEW, board, null, null, Set.of()),
                            Set.of(),
                            new KeyDates(null, null, null, null, null, TODAY),
                            null,
                            false),
                    "officer-1",
                    NOW);
            em.persist(r);
            return r.id();
        });

        KeyDates read = database.read(em -> em.find(Review.class, id).dates());

        assertThat(read).isNotNull();
        assertThat(read.incident()).isEmpty();
        assertThat(read.notification()).isEmpty();
        assertThat(read.initiated()).isEmpty();
    }

    @Test
    void commissionedScrWithPausedClockAndAppointments_isStoredAndReadBack() {
        String board = organisation("Testshire LSCB", OrganisationKind.LSCB);
        String coop = organisation("Otherton LSCB", OrganisationKind.LSCB);
        String police = organisation("Testshire Police", OrganisationKind.POLICE);
        String health = organisation("Testshire Health", OrganisationKind.HEALTH);
        String reviewerId = reviewer();
        String id = database.inTransaction(em -> {
            Review r = new Review(
                    new Review.Opening(
                            ReviewType.SERIOUS_CASE_REVIEW,
                            "TS-SCR-1",
                            "Child A",
                            LeadBoardRule.derive(ReviewType.SERIOUS_CASE_REVIEW, board, null, null, Set.of(coop)),
                            Set.of(police, health),
                            new KeyDates(TODAY.minusDays(40), null, TODAY.minusDays(35), null, null, TODAY),
                            null,
                            false),
                    "officer-1",
                    NOW);
            r.recordScrDecision(
                    new ScrFacts(true, false, true, InterAgencyConcern.YES, false),
                    ScrDecisionKind.COMMISSION_SCR,
                    "criteria met",
                    TODAY.minusDays(20),
                    "officer-1",
                    TODAY);
            r.pauseClock(ClockKind.SCR_COMPLETION, TODAY.minusDays(5), "care proceedings", TODAY);
            Reviewer rev = new ReviewerRepository(em).byId(reviewerId).orElseThrow();
            r.appoint(
                    AppointmentRole.LEAD_REVIEWER,
                    reviewerId,
                    null,
                    r.independenceOf(rev, IndependenceCheck.standard(), TODAY),
                    null,
                    "officer-1",
                    NOW);
            new ReviewRepository(em).add(r);
            return r.id();
        });

        Review back = database.read(em -> new ReviewRepository(em).byId(id)).orElseThrow();

        assertThat(back.status()).isEqualTo(ReviewStatus.IN_PROGRESS);
        assertThat(back.pseudonym()).isEqualTo("Child A");
        assertThat(back.cooperatingBoards()).containsExactly(coop);
        assertThat(back.organisationIds()).containsExactlyInAnyOrder(police, health);
        assertThat(back.dates().initiated()).contains(TODAY.minusDays(20));
        assertThat(back.scrDecision()).contains(ScrDecisionKind.COMMISSION_SCR);
        assertThat(back.scrFacts())
                .hasValueSatisfying(f -> assertThat(f.interAgencyConcern()).isEqualTo(InterAgencyConcern.YES));
        assertThat(back.clock(ClockKind.SCR_DECISION).orElseThrow().metOn()).contains(TODAY.minusDays(20));
        assertThat(back.clock(ClockKind.SCR_COMPLETION).orElseThrow().pauses())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo("care proceedings"));
        assertThat(back.activeAppointments())
                .singleElement()
                .satisfies(a -> assertThat(a.reviewerId()).contains(reviewerId));
    }

    @Test
    void childDeathReview_keepsTheCircumstancesOfTheDeath() {
        String board = organisation("Testshire LSCB", OrganisationKind.LSCB);
        String id = database.inTransaction(em -> {
            Review r = new Review(
                    new Review.Opening(
                            ReviewType.CHILD_DEATH_REVIEW,
                            "TS-CDR-1",
                            "Baby N",
                            LeadBoardRule.derive(ReviewType.CHILD_DEATH_REVIEW, board, null, null, Set.of()),
                            Set.of(),
                            new KeyDates(null, TODAY.minusDays(3), null, null, null, TODAY),
                            new ChildDeath(0, false, false, true, true, false, false),
                            false),
                    "officer-1",
                    NOW);
            new ReviewRepository(em).add(r);
            return r.id();
        });

        Review back = database.read(em -> new ReviewRepository(em).byId(id)).orElseThrow();

        assertThat(back.childDeath().ageAtDeathYears()).isZero();
        assertThat(back.childDeath().unexpected()).isTrue();
        assertThat(back.clocks())
                .extracting(c -> c.kind())
                .containsExactlyInAnyOrder(ClockKind.CORONER_JOINT_REPORT, ClockKind.HOME_VISIT);
    }

    @Test
    void rapidResponse_andATimedClock_areStoredAndReadBack_32_36_to_39() {
        String board = organisation("Testshire LSCB", OrganisationKind.LSCB);
        Instant died = NOW.minusSeconds(5 * 3600);
        Instant visited = died.plusSeconds(3600);
        String id = database.inTransaction(em -> {
            Review r = new Review(
                    new Review.Opening(
                            ReviewType.CHILD_DEATH_REVIEW,
                            "TS-CDR-9",
                            "Baby P",
                            LeadBoardRule.derive(ReviewType.CHILD_DEATH_REVIEW, board, null, null, Set.of()),
                            Set.of(),
                            new KeyDates(null, LocalDate.ofInstant(died, TimedClock.ENGLAND), null, null, null, TODAY),
                            new ChildDeath(0, false, false, true, true, false, false).at(died),
                            false),
                    "officer-1",
                    NOW);
            r.recordVisitDecision(VisitDecision.VISITED, visited, null, "police-1", NOW);
            r.recordPostMortem(TODAY, true, true, null, "paed-1", NOW, TODAY);
            new ReviewRepository(em).add(r);
            return r.id();
        });

        Review back = database.read(em -> new ReviewRepository(em).byId(id)).orElseThrow();

        assertThat(back.childDeath().diedAt()).contains(died);
        ReviewClock visit = back.clock(ClockKind.HOME_VISIT).orElseThrow();
        assertThat(visit.startedAt()).contains(died);
        assertThat(visit.metAt()).contains(visited);
        assertThat(back.rapidResponse().visitDecision()).contains(VisitDecision.VISITED);
        assertThat(back.rapidResponse().visitRecordedBy()).contains("police-1");
        assertThat(back.rapidResponse().finalReportOn()).contains(TODAY);
        assertThat(back.rapidResponse().inquestOpened()).contains(true);
        assertThat(back.rapidResponse().scrReferralPrompted()).isTrue();
        assertThat(back.clock(ClockKind.CORONER_JOINT_REPORT).orElseThrow().startedAt())
                .isEmpty();
    }

    @Test
    void analysisReadBackWithoutItsJudgement_isNotRecorded_soSignOffIsRefused_para27() {
        String board = organisation("Testshire LSCB", OrganisationKind.LSCB);
        String id = database.inTransaction(em -> {
            Review r = new Review(
                    new Review.Opening(
                            ReviewType.CHILD_DEATH_REVIEW,
                            "TS-CDR-7",
                            "Baby Q",
                            LeadBoardRule.derive(ReviewType.CHILD_DEATH_REVIEW, board, null, null, Set.of()),
                            Set.of(),
                            new KeyDates(null, TODAY.minusDays(30), null, null, null, TODAY),
                            new ChildDeath(0, false, false, false, false, false, false),
                            false),
                    "officer-1",
                    NOW);
            r.recordCdopAnalysis(ReviewPanelTest.analysis(ModifiableFactors.IDENTIFIED), List.of());
            new ReviewRepository(em).add(r);
            return r.id();
        });
        assertThat(database.read(em -> new ReviewRepository(em).byId(id))
                        .orElseThrow()
                        .cdopAnalysis())
                .as("recorded in full")
                .isPresent();
        database.inTransaction(em -> em.createNativeQuery("UPDATE review SET cdop_modifiable = NULL WHERE id = ?1")
                .setParameter(1, id)
                .executeUpdate());

        Review back = database.read(em -> new ReviewRepository(em).byId(id)).orElseThrow();

        assertThat(back.cdopAnalysis())
                .as("a form answered in part is not an analysis")
                .isEmpty();
        assertThat(ChildDeathStatistics.counts(back, ReportingYear.containing(TODAY)))
                .isFalse();
        assertThatThrownBy(() -> back.signOffChildDeath(TODAY))
                .isInstanceOfSatisfying(
                        ReviewRuleException.class, e -> assertThat(e.code()).isEqualTo("analysis_incomplete"));
    }

    @Test
    void candidates_findReviewsByBoardAgencyAndLiveAppointment() {
        String board = organisation("Testshire LSCB", OrganisationKind.LSCB);
        String coop = organisation("Otherton LSCB", OrganisationKind.LSCB);
        String police = organisation("Testshire Police", OrganisationKind.POLICE);
        String reviewerId = reviewer();
        String id = database.inTransaction(em -> {
            Review r = new Review(
                    new Review.Opening(
                            ReviewType.MANAGEMENT_REVIEW,
                            "TS-MR-1",
                            "Child B",
                            LeadBoardRule.derive(ReviewType.MANAGEMENT_REVIEW, board, null, null, Set.of(coop)),
                            Set.of(police),
                            new KeyDates(null, null, null, null, null, TODAY),
                            null,
                            false),
                    "officer-1",
                    NOW);
            Reviewer rev = new ReviewerRepository(em).byId(reviewerId).orElseThrow();
            r.appoint(
                    AppointmentRole.PANEL_MEMBER,
                    reviewerId,
                    null,
                    r.independenceOf(rev, IndependenceCheck.standard(), TODAY),
                    null,
                    "officer-1",
                    NOW);
            new ReviewRepository(em).add(r);
            return r.id();
        });

        assertThat(candidates(new ReviewAccess.Viewer("a1", EnumSet.of(Role.LSCB_OFFICER), coop, Optional.empty())))
                .containsExactly(id);
        assertThat(candidates(new ReviewAccess.Viewer("a2", EnumSet.of(Role.AGENCY_USER), police, Optional.empty())))
                .containsExactly(id);
        assertThat(candidates(new ReviewAccess.Viewer("a3", EnumSet.of(Role.REVIEWER), null, Optional.of(reviewerId))))
                .containsExactly(id);
        assertThat(candidates(new ReviewAccess.Viewer("a4", EnumSet.of(Role.AGENCY_USER), coop, Optional.empty())))
                .isEmpty();
        List<String> appointed = database.read(em -> new ReviewRepository(em)
                .withLiveAppointmentOf(reviewerId).stream().map(Review::id).toList());
        assertThat(appointed).containsExactly(id);
    }

    private List<String> candidates(ReviewAccess.Viewer v) {
        return database.read(em -> new ReviewRepository(em)
                .candidatesFor(v).stream().map(Review::id).toList());
    }

    private String reviewer() {
        return database.inTransaction(em -> {
            Reviewer r = new Reviewer(
                    null,
                    new Reviewer.Profile(
                            "Dana Reviewer",
                            null,
                            Set.of(ExpertiseArea.HEALTH),
                            Set.of(Skill.INVESTIGATION),
                            Set.of(Region.LONDON),
                            true),
                    NOW);
            new ReviewerRepository(em).add(r);
            return r.id();
        });
    }

    private String organisation(String name, OrganisationKind kind) {
        return database.inTransaction(em -> {
            Organisation o = new Organisation(name, kind, "Testshire");
            new OrganisationRepository(em).add(o);
            return o.id();
        });
    }
}
