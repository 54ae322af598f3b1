package org.lscb.server.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.audit.AuditEvent;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.persistence.Database;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.identity.account.Account;
import org.lscb.identity.account.AccountRepository;
import org.lscb.identity.account.Role;
import org.lscb.registry.independence.IndependenceAnswer;
import org.lscb.registry.independence.IndependenceCheck;
import org.lscb.registry.reviewer.Reviewer;
import org.lscb.registry.reviewer.ReviewerRepository;
import org.lscb.reviews.Appointment;
import org.lscb.reviews.AppointmentRole;
import org.lscb.reviews.NotIndependentException;
import org.lscb.reviews.PanelRule;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewAccess.Action;
import org.lscb.reviews.ReviewRepository;
import org.lscb.server.audit.RefusalAuditor;
import org.lscb.server.auth.Caller;

/**
 * Who reviews: the independence check of a reviewer against a review, appointments (a conflicted lead
 * only with the Chair's override, which only the lead board's Chair makes; audited either way), ending them, the panel rule, and re-checking
 * live appointments when a reviewer's affiliations change. Access goes through {@link ReviewService}.
 */
@ApplicationScoped
public class ReviewAppointments {

    private Database database;
    private ReviewService reviews;
    private IndependenceCheck independence;
    private PanelRule panel;
    private Clock clock;
    private RefusalAuditor refusals;

    protected ReviewAppointments() {}

    @Inject
    public ReviewAppointments(
            Database database, ReviewService reviews, IndependenceCheck independence, PanelRule panel) {
        this.database = database;
        this.reviews = reviews;
        this.independence = independence;
        this.panel = panel;
        this.clock = Clock.system(ReviewService.ENGLAND);
        this.refusals = new RefusalAuditor(database, clock);
    }

    public IndependenceAnswer independence(Caller by, String id, String reviewerId) {
        return database.read(em -> {
            Review r = allowed(em, by, id, Action.CHECK_PANEL);
            Reviewer reviewer = new ReviewerRepository(em).byId(reviewerId).orElseThrow(NotFoundException::new);
            return r.independenceOf(reviewer, independence, today());
        });
    }

    /**
     * Appoints a reviewer from the register or an account. A conflicted lead without an override is
     * refused; the refusal is audited even though nothing else is stored.
     */
    public Appointment appoint(
            Caller by, String id, AppointmentRole role, String reviewerId, String accountId, String overrideReason) {
        return refusals.auditing(
                NOT_INDEPENDENT,
                RefusalAuditor.Target.review(by.accountId(), id),
                e -> notIndependent(reviewerId, e),
                () -> reviews.auditingRefusals(
                        by,
                        id,
                        role + " appointment",
                        () -> database.inTransaction(em -> {
                            // an override is the Chair's decision (docs/domain.md "Independence"; [7, 18]); officers
                            // appoint everyone else
                            Review r = allowed(em, by, id, overrideReason == null ? Action.MANAGE : Action.DECIDE);
                            IndependenceAnswer answer = null;
                            if (reviewerId != null) {
                                Reviewer reviewer = new ReviewerRepository(em)
                                        .byId(reviewerId)
                                        .orElseThrow(() -> new InvalidValueException(
                                                "reviewerId", "names no reviewer on the register"));
                                // the answer holds only while the reviewer's affiliations and interests stay as read: a
                                // change to them committed meanwhile (which could not see this appointment to flag it)
                                // makes this 409
                                em.lock(reviewer, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
                                answer = r.independenceOf(reviewer, independence, today());
                            }
                            if (accountId != null) {
                                appointableAccount(em, role, accountId);
                            }
                            Appointment a = r.appoint(
                                    role,
                                    reviewerId,
                                    accountId,
                                    answer,
                                    overrideReason,
                                    by.accountId(),
                                    clock.instant());
                            audit(
                                    em,
                                    by,
                                    AuditAction.APPOINTED,
                                    r,
                                    role + " "
                                            + (reviewerId != null ? "reviewer " + reviewerId : "account " + accountId)
                                            + ", appointment " + a.id());
                            if (a.overrideReason().isPresent()) {
                                audit(
                                        em,
                                        by,
                                        AuditAction.INDEPENDENCE_OVERRIDDEN,
                                        r,
                                        "appointment " + a.id() + " despite "
                                                + answer.conflicts().stream()
                                                        .map(c -> c.reason() + " " + c.organisationId())
                                                        .toList()
                                                + "; Chair's reason: "
                                                + a.overrideReason().get());
                            }
                            return a;
                        })));
    }

    /** A conflicted lead without an override: audited even though nothing else is stored. */
    private static final RefusalAuditor.Policy NOT_INDEPENDENT =
            RefusalAuditor.Policy.of(AuditAction.APPOINTMENT_REFUSED, NotIndependentException.class);

    private static String notIndependent(String reviewerId, RuntimeException refusal) {
        return "lead reviewer " + reviewerId + " is not independent: "
                + ((NotIndependentException) refusal)
                        .answer().conflicts().stream()
                                .map(c -> c.reason().name())
                                .distinct()
                                .toList();
    }

    private static void appointableAccount(EntityManager em, AppointmentRole role, String accountId) {
        Account account = new AccountRepository(em)
                .byId(accountId)
                .orElseThrow(() -> new InvalidValueException("accountId", "names no account"));
        Role needed = role == AppointmentRole.CORONER ? Role.CORONER : Role.PAEDIATRICIAN;
        if (!account.hasRole(needed)) {
            throw new InvalidValueException(
                    "accountId", "a " + role + " appointment needs an account with the role " + needed);
        }
    }

    public Appointment endAppointment(Caller by, String id, String appointmentId) {
        return reviews.auditingRefusals(
                by,
                id,
                "end of appointment",
                () -> database.inTransaction(em -> {
                    Review r = allowed(em, by, id, Action.MANAGE);
                    Appointment a = r.endAppointment(appointmentId, by.accountId(), clock.instant());
                    audit(em, by, AuditAction.APPOINTMENT_ENDED, r, a.role() + " appointment " + a.id());
                    return a;
                }));
    }

    public PanelRule.Answer panelCheck(Caller by, String id) {
        return database.read(em -> {
            Review r = allowed(em, by, id, Action.CHECK_PANEL);
            ReviewerRepository reviewers = new ReviewerRepository(em);
            Map<String, Reviewer> appointed = new HashMap<>();
            r.activeAppointments()
                    .forEach(a -> a.reviewerId()
                            .ifPresent(rid ->
                                    appointed.put(rid, reviewers.byId(rid).orElseThrow())));
            return panel.check(r, appointed, today());
        });
    }

    /**
     * After a reviewer's affiliations or interests changed (inside that change's transaction): re-checks
     * the lead appointments they hold and flags those that became conflicted.
     */
    public void recheckAppointmentsOf(EntityManager em, Reviewer changed, String byAccountId) {
        recheckAppointmentsOf(em, changed, byAccountId, new ReviewRepository(em).withLiveAppointmentOf(changed.id()));
    }

    /** As above, for a caller that has loaded the reviews with a live appointment of the reviewer already. */
    public void recheckAppointmentsOf(
            EntityManager em, Reviewer changed, String byAccountId, java.util.List<Review> appointedTo) {
        ReviewerRepository reviewers = new ReviewerRepository(em);
        Function<String, Reviewer> load =
                rid -> rid.equals(changed.id()) ? changed : reviewers.byId(rid).orElseThrow();
        for (Review r : appointedTo) {
            for (Appointment a : r.recheckAppointments(
                    rid -> r.independenceOf(load.apply(rid), independence, today()), clock.instant())) {
                new AuditLog(em)
                        .append(AuditEvent.of(
                                        clock.instant(), byAccountId, AuditAction.APPOINTMENT_FLAGGED, "review", r.id())
                                .forReview(r.id())
                                .withDetails("appointment " + a.id() + ": "
                                        + a.flagReasons().orElse("")));
            }
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Review allowed(EntityManager em, Caller by, String id, Action action) {
        return reviews.allowed(em, by, id, action);
    }

    private void audit(EntityManager em, Caller by, AuditAction action, Review r, String details) {
        reviews.audit(em, by, action, r, details);
    }
}
