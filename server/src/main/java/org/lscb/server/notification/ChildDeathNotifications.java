package org.lscb.server.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.ForbiddenException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.audit.AuditEvent;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.persistence.Database;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.identity.organisation.Organisation;
import org.lscb.identity.organisation.OrganisationRepository;
import org.lscb.registry.independence.IndependenceCheck;
import org.lscb.registry.reviewer.Reviewer;
import org.lscb.registry.reviewer.ReviewerRepository;
import org.lscb.reviews.Appointment;
import org.lscb.reviews.KeyDates;
import org.lscb.reviews.LeadBoardRule;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewAccess;
import org.lscb.reviews.ReviewRepository;
import org.lscb.reviews.ReviewType;
import org.lscb.reviews.clock.TimedClock;
import org.lscb.reviews.notification.ChildDeathNotification;
import org.lscb.reviews.notification.ChildDeathNotificationRepository;
import org.lscb.reviews.notification.NotifiedDeath;
import org.lscb.server.auth.Caller;
import org.lscb.server.review.ReviewService;

/**
 * A professional notifies a child's death [24]: the first notification of a child opens a child death review at
 * the board the lead-board rule names [25], with its rapid-response clocks; a later one of the same child (the
 * same {@link ChildIdentifiers} key) joins that review instead. Either way the notifier's organisation becomes
 * one of the review's organisations, so its people read the review and send their documents to it, as the
 * agencies of the rapid response do [29]; the lead board's officers see it as they see every review their board
 * leads. Each notification is audited with the review, never with the NHS number or the date of birth.
 */
@ApplicationScoped
public class ChildDeathNotifications {

    /** A notification as stored, and the review it opened or joined as the notifier now stands to it. */
    public record Notified(ChildDeathNotification notification, boolean duplicate, ReviewService.Seen review) {}

    private static final String PSEUDONYM_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

    private Database database;
    private ChildIdentifiers identifiers;
    private IndependenceCheck independence;
    private Clock clock;
    private final SecureRandom random = new SecureRandom();

    protected ChildDeathNotifications() {}

    @Inject
    public ChildDeathNotifications(Database database, ChildIdentifiers identifiers, IndependenceCheck independence) {
        this.database = database;
        this.identifiers = identifiers;
        this.independence = independence;
        this.clock = Clock.system(TimedClock.ENGLAND);
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * @throws InvalidValueException naming the field when a board named is not an LSCB
     * @throws ForbiddenException    when the caller belongs to no organisation (a notifier speaks for an agency)
     */
    public Notified notify(Caller by, NotifiedDeath death) {
        if (by.organisationId() == null) {
            throw new ForbiddenException("a death is notified for a partner agency; this account belongs to none");
        }
        String childKey = identifiers.of(death.nhsNumber(), death.dateOfBirth());
        try {
            return database.inTransaction(em -> {
                Optional<ChildDeathNotification> opening =
                        new ChildDeathNotificationRepository(em).openingFor(childKey);
                return opening.isPresent()
                        ? join(em, by, death, childKey, opening.get().reviewId())
                        : open(em, by, death, childKey);
            });
        } catch (PersistenceException e) {
            // the same child notified twice at once: the unique opened_child_key let one open the review
            Optional<String> reviewId = database.read(em -> new ChildDeathNotificationRepository(em)
                    .openingFor(childKey)
                    .map(ChildDeathNotification::reviewId));
            if (reviewId.isEmpty()) {
                throw e;
            }
            return database.inTransaction(em -> join(em, by, death, childKey, reviewId.get()));
        }
    }

    private Notified open(EntityManager em, Caller by, NotifiedDeath death, String childKey) {
        OrganisationRepository orgs = new OrganisationRepository(em);
        board(orgs, death.residenceLscbId(), "residenceLscbId");
        if (death.lookedAfter()) {
            board(orgs, death.lookedAfterByLscbId(), "lookedAfterByLscbId");
        }
        LeadBoardRule.Boards boards = death.boards();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, TimedClock.ENGLAND);
        ReviewRepository reviews = new ReviewRepository(em);
        Review r = new Review(
                new Review.Opening(
                        ReviewType.CHILD_DEATH_REVIEW,
                        reference(reviews, boards.lead(), today),
                        pseudonym(),
                        boards,
                        agency(orgs, by)
                                .filter(o -> !o.equals(boards.lead()))
                                .map(Set::of)
                                .orElse(Set.of()),
                        new KeyDates(null, death.diedOn(), today, null, null, today),
                        death.childDeath(),
                        death.lookedAfter()),
                by.accountId(),
                now);
        reviews.add(r);
        ChildDeathNotification n =
                new ChildDeathNotification(r, true, death, childKey, by.accountId(), by.organisationId(), now);
        new ChildDeathNotificationRepository(em).add(n);
        em.flush(); // the unique child key decides here, inside the try of notify
        audit(
                em,
                by,
                AuditAction.CHILD_DEATH_NOTIFIED,
                r,
                "notification " + n.id() + " opened " + r.type() + " " + r.reference() + ": " + circumstances(death));
        return new Notified(n, false, new ReviewService.Seen(r, ReviewAccess.relations(r, viewer(em, by))));
    }

    private Notified join(EntityManager em, Caller by, NotifiedDeath death, String childKey, String reviewId) {
        Review r = new ReviewRepository(em).byId(reviewId).orElseThrow();
        Instant now = clock.instant();
        OrganisationRepository orgs = new OrganisationRepository(em);
        Optional<String> agency = agency(orgs, by);
        if (agency.isPresent()
                && !agency.get().equals(r.leadLscbId())
                && !r.organisationIds().contains(agency.get())) {
            em.lock(r, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            Set<String> organisations = new LinkedHashSet<>(r.organisationIds());
            organisations.add(agency.get());
            ReviewerRepository reviewers = new ReviewerRepository(em);
            LocalDate today = LocalDate.ofInstant(now, TimedClock.ENGLAND);
            List<Appointment> flagged = r.changeOrganisations(
                    organisations,
                    rid -> {
                        Reviewer reviewer = reviewers.byId(rid).orElseThrow();
                        em.lock(reviewer, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
                        return r.independenceOf(reviewer, independence, today);
                    },
                    now);
            audit(
                    em,
                    by,
                    AuditAction.REVIEW_ORGANISATIONS_CHANGED,
                    r,
                    "the notifier's organisation " + agency.get() + " joined");
            for (Appointment a : flagged) {
                audit(
                        em,
                        by,
                        AuditAction.APPOINTMENT_FLAGGED,
                        r,
                        "appointment " + a.id() + ": " + a.flagReasons().orElse(""));
            }
        }
        ChildDeathNotification n =
                new ChildDeathNotification(r, false, death, childKey, by.accountId(), by.organisationId(), now);
        new ChildDeathNotificationRepository(em).add(n);
        audit(
                em,
                by,
                AuditAction.CHILD_DEATH_NOTIFICATION_JOINED,
                r,
                "notification " + n.id() + " of the same child joined " + r.reference() + ": " + circumstances(death));
        return new Notified(n, true, new ReviewService.Seen(r, ReviewAccess.relations(r, viewer(em, by))));
    }

    /** The caller's organisation when it is an agency (not a board), which the review then involves. */
    private static Optional<String> agency(OrganisationRepository orgs, Caller by) {
        return orgs.byId(by.organisationId()).filter(o -> !o.isBoard()).map(Organisation::id);
    }

    /** The board's reference for a notified death: "CDN-2026-7F3A9C21", unique within the lead board. */
    private String reference(ReviewRepository reviews, String lead, LocalDate today) {
        while (true) {
            String ref = "CDN-" + today.getYear() + "-"
                    + java.util.HexFormat.of().withUpperCase().toHexDigits(random.nextInt());
            if (!reviews.referenceTaken(lead, ref)) {
                return ref;
            }
        }
    }

    /** "Child KPR": letters only, so the pseudonym can never carry a number or a date of the child's. */
    private String pseudonym() {
        StringBuilder b = new StringBuilder("Child ");
        for (int i = 0; i < 3; i++) {
            b.append(PSEUDONYM_LETTERS.charAt(random.nextInt(PSEUDONYM_LETTERS.length())));
        }
        return b.toString();
    }

    /** What the audit says of the death: never the NHS number, the date of birth or the free text. */
    private static String circumstances(NotifiedDeath death) {
        return "died " + death.diedOn() + ", " + death.place() + ", "
                + (death.unexpectedSaid() == null
                        ? "unexpected (not said: if in doubt, unexpected)"
                        : death.unexpected() ? "unexpected" : "expected")
                + (death.lookedAfter() ? ", looked after" : "");
    }

    private static void board(OrganisationRepository orgs, String id, String field) {
        Organisation o =
                orgs.byId(id).orElseThrow(() -> new InvalidValueException(field, "names no organisation: " + id));
        if (!o.isBoard()) {
            throw new InvalidValueException(field, "names " + o.name() + ", which is not an LSCB");
        }
    }

    private static ReviewAccess.Viewer viewer(EntityManager em, Caller by) {
        return new ReviewAccess.Viewer(
                by.accountId(),
                by.roles(),
                by.organisationId(),
                new ReviewerRepository(em).byAccount(by.accountId()).map(Reviewer::id));
    }

    private void audit(EntityManager em, Caller by, AuditAction action, Review r, String details) {
        new AuditLog(em)
                .append(AuditEvent.of(clock.instant(), by.accountId(), action, "review", r.id())
                        .forReview(r.id())
                        .withDetails(details));
    }
}
