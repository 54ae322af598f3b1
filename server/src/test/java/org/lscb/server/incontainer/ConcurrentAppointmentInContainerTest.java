package org.lscb.server.incontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lscb.server.incontainer.InContainerWorld.auditChainValid;
import static org.lscb.server.incontainer.InContainerWorld.count;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.foundation.persistence.Database;
import org.lscb.identity.organisation.OrganisationKind;
import org.lscb.reviews.Appointment;
import org.lscb.reviews.AppointmentRole;
import org.lscb.reviews.ReviewRuleException;
import org.lscb.server.auth.Caller;
import org.lscb.server.error.ApiError;
import org.lscb.server.error.ErrorResponses;
import org.lscb.server.review.ReviewAppointments;
import org.lscb.server.review.ReviewService;

/**
 * Two officers appoint the same lead reviewer to the same review at the same moment. One after the other, the second
 * is refused (already appointed); at once, both would see no such appointment, so the review's version decides:
 * one commits, the other gets the optimistic-lock conflict the API answers 409 to, and no duplicate lead and no
 * orphaned audit entry remain. Both transactions are held where they append to the audit log (the audit head's
 * row lock, taken here first), so each has read the review before either commits: the race happens every run.
 */
@ExtendWith(ArquillianExtension.class)
class ConcurrentAppointmentInContainerTest {

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

    @Test
    void theSameLeadAppointedTwiceAtOnce_oneWins_theOtherGetsAConflict_andTheAuditChainStaysValid() throws Exception {
        String board = InContainerWorld.organisation(database, OrganisationKind.LSCB);
        String health = InContainerWorld.organisation(database, OrganisationKind.HEALTH);
        String reviewId = InContainerWorld.openScr(reviews, InContainerWorld.officerOf(board), board, Set.of(health));
        String reviewer = InContainerWorld.reviewer(database);
        List<Caller> officers = List.of(InContainerWorld.officerOf(board), InContainerWorld.officerOf(board));

        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Future<Appointment>> calls = new ArrayList<>();
        try {
            try (InContainerWorld.AuditHeadHold hold = new InContainerWorld.AuditHeadHold(dataSource)) {
                for (Caller officer : officers) {
                    calls.add(two.submit(() -> appointments.appoint(
                            officer, reviewId, AppointmentRole.LEAD_REVIEWER, reviewer, null, null)));
                }
                hold.awaitWaiting(2, Duration.ofSeconds(30));
            }
            List<Appointment> won = new ArrayList<>();
            List<Throwable> lost = new ArrayList<>();
            for (Future<Appointment> call : calls) {
                try {
                    won.add(call.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    lost.add(e.getCause());
                }
            }

            assertThat(won).hasSize(1);
            assertThat(lost).singleElement().satisfies(e -> {
                assertThat(causes(e)).anyMatch(OptimisticLockException.class::isInstance);
                Response answer = ErrorResponses.toResponse(e);
                assertThat(answer.getStatus()).isEqualTo(409);
                assertThat(((ApiError) answer.getEntity()).error()).isEqualTo("conflict");
            });
            String winner = won.get(0).appointedBy();
            Caller loser = officers.stream()
                    .filter(o -> !o.accountId().equals(winner))
                    .findFirst()
                    .orElseThrow();
            assertThat(count(
                            dataSource,
                            "SELECT COUNT(*) FROM review_appointment WHERE review_id = ? AND ended_at IS NULL",
                            reviewId))
                    .isEqualTo(1);
            assertThat(InContainerWorld.strings(
                            dataSource,
                            "SELECT actor FROM audit_entry WHERE review_id = ? AND action = 'APPOINTED'",
                            reviewId))
                    .containsExactly(winner);
            assertThat(InContainerWorld.auditActionsBy(dataSource, loser.accountId()))
                    .isEmpty();
            assertThat(auditChainValid(database)).isTrue();

            // read again and retry, as the 409 says: the winner's appointment is there now
            assertThatThrownBy(() ->
                            appointments.appoint(loser, reviewId, AppointmentRole.LEAD_REVIEWER, reviewer, null, null))
                    .isInstanceOfSatisfying(
                            ReviewRuleException.class, e -> assertThat(e.code()).isEqualTo("already_appointed"));
        } finally {
            two.shutdownNow();
        }
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> all = new ArrayList<>();
        for (Throwable c = t; c != null && !all.contains(c); c = c.getCause()) {
            all.add(c);
        }
        return all;
    }
}
