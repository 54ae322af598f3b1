package org.lscb.server.audit;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.audit.AuditEvent;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.persistence.Database;

/**
 * docs/security.md: a refused request that touches a review or a document leaves a line in the audit log. Runs a step of a
 * service; when one of the refusals a {@link Policy} names stops it, appends the refusal's entry in a transaction of
 * its own (the step's own transaction rolls back) and throws the refusal on, unchanged, to be answered. Anything else
 * the step throws goes on unaudited. Should the entry fail, that failure is thrown instead: no refusal goes unrecorded
 * (F4). Refusals answered 403 are audited by {@link AccessRefusedAuditFilter}.
 */
public final class RefusalAuditor {

    /** Which refusals of a step are audited, and as what action. */
    public record Policy(AuditAction action, List<Class<? extends RuntimeException>> refusals) {

        public Policy {
            refusals = List.copyOf(refusals);
        }

        @SafeVarargs
        public static Policy of(AuditAction action, Class<? extends RuntimeException>... refusals) {
            return new Policy(action, List.of(refusals));
        }

        boolean covers(RuntimeException e) {
            return refusals.stream().anyMatch(type -> type.isInstance(e));
        }
    }

    /** What a refusal is recorded against: who asked, for which object, of which review (null: of none). */
    public record Target(String actor, String objectType, String objectId, String reviewId) {

        /** The review itself. */
        public static Target review(String actor, String reviewId) {
            return new Target(actor, "review", reviewId, reviewId);
        }
    }

    private final Database database;
    private final Clock clock;

    public RefusalAuditor(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Runs {@code step}; a refusal {@code policy} covers is audited against {@code target}, with {@code details} of it. */
    public <T> T auditing(Policy policy, Target target, Function<RuntimeException, String> details, Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            if (policy.covers(e)) {
                database.inTransaction(em -> new AuditLog(em)
                        .append(AuditEvent.of(
                                        clock.instant(),
                                        target.actor(),
                                        policy.action(),
                                        target.objectType(),
                                        target.objectId())
                                .forReview(target.reviewId())
                                .withDetails(details.apply(e))));
            }
            throw e;
        }
    }

    /** The details most refusals are recorded with: which refusal, and its message. */
    public static String typeAndMessage(RuntimeException e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
