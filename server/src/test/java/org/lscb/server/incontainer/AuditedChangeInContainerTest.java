package org.lscb.server.incontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lscb.server.incontainer.InContainerWorld.auditActionsBy;
import static org.lscb.server.incontainer.InContainerWorld.auditChainValid;
import static org.lscb.server.incontainer.InContainerWorld.count;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.foundation.persistence.Database;
import org.lscb.identity.organisation.OrganisationKind;
import org.lscb.reviews.Appointment;
import org.lscb.reviews.AppointmentRole;
import org.lscb.server.auth.Caller;
import org.lscb.server.review.ReviewAppointments;
import org.lscb.server.review.ReviewService;

/**
 * SECURITY.md F4, fail closed: a change and its audit entries are one transaction. The change here is the Chair's
 * override, appointing a lead reviewer who is not independent (employed by an agency under review), which writes the
 * appointment and two audit entries (APPOINTED, INDEPENDENCE_OVERRIDDEN) through the application's own service.
 * The database is made to refuse one part; the other part must then be absent too, and the chain stay whole.
 */
@ExtendWith(ArquillianExtension.class)
class AuditedChangeInContainerTest {

    @Deployment
    public static WebArchive deployment() {
        return InContainerDeployment.shared();
    }

    @Inject
    Database database;

    @Inject
    HikariDataSource dataSource;

    @Inject
    ReviewService reviews;

    @Inject
    ReviewAppointments appointments;

    private String reviewId;
    private String conflictedReviewer;
    private Caller chair;

    @BeforeEach
    void aReviewOverAPoliceForceAndAReviewerItEmploys() {
        String board = InContainerWorld.organisation(database, OrganisationKind.LSCB);
        String police = InContainerWorld.organisation(database, OrganisationKind.POLICE);
        reviewId = InContainerWorld.openScr(reviews, InContainerWorld.officerOf(board), board, Set.of(police));
        conflictedReviewer = InContainerWorld.reviewer(database, police);
        chair = InContainerWorld.chairOf(board);
    }

    @Test
    void anOverriddenAppointmentAndItsAuditEntries_areStoredTogether() {
        Appointment a = overrideAppointment();

        assertThat(appointmentsOfTheReview()).isEqualTo(1);
        assertThat(auditActionsBy(dataSource, chair.accountId()))
                .containsExactly("APPOINTED", "INDEPENDENCE_OVERRIDDEN");
        assertThat(count(
                        dataSource,
                        "SELECT COUNT(*) FROM audit_entry WHERE details LIKE ?",
                        "%appointment " + a.id() + "%"))
                .isEqualTo(2);
        assertThat(auditChainValid(database)).isTrue();
    }

    @Test
    void whenTheAuditEntryCannotBeWritten_theAppointmentIsNotStoredEither() {
        try (InContainerWorld.Refusal refusal =
                new InContainerWorld.Refusal(dataSource, "audit_entry", "actor <> '" + chair.accountId() + "'")) {
            assertThatThrownBy(this::overrideAppointment)
                    .isInstanceOf(PersistenceException.class)
                    .satisfies(e -> assertThat(rootMessage(e)).containsIgnoringCase(refusal.name));
        }

        assertThat(appointmentsOfTheReview()).isZero();
        assertThat(auditActionsBy(dataSource, chair.accountId())).isEmpty();
        assertThat(auditChainValid(database)).isTrue();
    }

    @Test
    void whenTheAppointmentCannotBeStored_itsAuditEntriesAreNotKeptEither() {
        try (InContainerWorld.Refusal refusal = new InContainerWorld.Refusal(
                dataSource, "review_appointment", "appointed_by <> '" + chair.accountId() + "'")) {
            assertThatThrownBy(this::overrideAppointment)
                    .isInstanceOf(PersistenceException.class)
                    .satisfies(e -> assertThat(rootMessage(e)).containsIgnoringCase(refusal.name));
        }

        assertThat(appointmentsOfTheReview()).isZero();
        assertThat(auditActionsBy(dataSource, chair.accountId())).isEmpty();
        assertThat(auditChainValid(database)).isTrue();
    }

    private Appointment overrideAppointment() {
        return appointments.appoint(
                chair,
                reviewId,
                AppointmentRole.LEAD_REVIEWER,
                conflictedReviewer,
                null,
                "No independent reviewer with this expertise is free before the coroner's inquest");
    }

    private int appointmentsOfTheReview() {
        return count(dataSource, "SELECT COUNT(*) FROM review_appointment WHERE review_id = ?", reviewId);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
