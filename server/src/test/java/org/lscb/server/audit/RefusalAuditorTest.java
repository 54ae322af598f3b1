package org.lscb.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.audit.AuditEntry;
import org.lscb.foundation.audit.AuditEvent;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.persistence.Database;
import org.lscb.foundation.persistence.TestDataSources;
import org.lscb.foundation.value.DomainException;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.reviews.ReviewRuleException;
import org.lscb.server.persistence.ApplicationSchema;

/**
 * docs/security.md: a refusal that a policy names is audited in a transaction of its own, even as the refused step's own
 * transaction rolls back, and is then thrown on unchanged; anything else passes through unaudited.
 */
class RefusalAuditorTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);
    static final RefusalAuditor.Policy CHANGES = RefusalAuditor.Policy.of(
            AuditAction.REVIEW_CHANGE_REFUSED, InvalidValueException.class, ReviewRuleException.class);

    private Database database;
    private RefusalAuditor refusals;

    @BeforeEach
    void open() {
        DataSource dataSource = TestDataSources.fresh();
        ApplicationSchema.migrate(dataSource);
        database = Database.open(dataSource);
        refusals = new RefusalAuditor(database, CLOCK);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aRefusalThePolicyNames_isAuditedInItsOwnTransaction_andThrownOnUnchanged() {
        ReviewRuleException refusal = new ReviewRuleException("already_decided", "the SCR decision was made on 1 May");

        Throwable thrown = catchThrowable(() -> refusals.auditing(
                CHANGES,
                RefusalAuditor.Target.review("acct-1", "review-1"),
                e -> "SCR decision: " + e.getMessage(),
                () -> database.inTransaction(em -> {
                    new AuditLog(em)
                            .append(AuditEvent.of(
                                    CLOCK.instant(),
                                    "acct-1",
                                    AuditAction.SCR_DECISION_RECORDED,
                                    "review",
                                    "review-1"));
                    throw refusal;
                })));

        assertThat(thrown).isSameAs(refusal);
        List<AuditEntry> entries = entries();
        assertThat(entries).hasSize(1); // the step's own entry rolled back with it
        AuditEntry e = entries.get(0);
        assertThat(List.of(e.action(), e.actor(), e.objectType(), e.objectId(), e.reviewId(), e.details()))
                .containsExactly(
                        "REVIEW_CHANGE_REFUSED",
                        "acct-1",
                        "review",
                        "review-1",
                        "review-1",
                        "SCR decision: the SCR decision was made on 1 May");
        assertThat(e.occurredAt()).isEqualTo(CLOCK.instant());
        assertThat(database.read(em -> new AuditLog(em).verify()).valid()).isTrue();
    }

    @Test
    void aSubtypeOfANamedRefusal_isAuditedToo() {
        RefusalAuditor.Policy anyRefusal =
                RefusalAuditor.Policy.of(AuditAction.DOCUMENT_REFUSED, DomainException.class);
        InvalidValueException refusal = new InvalidValueException("title", "is required");

        Throwable thrown = catchThrowable(() -> refusals.auditing(
                anyRefusal, RefusalAuditor.Target.review("acct-1", "review-1"), RefusalAuditor::typeAndMessage, () -> {
                    throw refusal;
                }));

        assertThat(thrown).isSameAs(refusal);
        assertThat(entries()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("DOCUMENT_REFUSED");
            assertThat(e.details()).isEqualTo("InvalidValueException: title: is required");
        });
    }

    @Test
    void aDocumentsRefusal_namesTheDocument_andIsFiledUnderItsReview() {
        RefusalAuditor.Policy grants =
                RefusalAuditor.Policy.of(AuditAction.DOCUMENT_GRANT_REFUSED, ReviewRuleException.class);

        catchThrowable(() -> refusals.auditing(
                grants,
                new RefusalAuditor.Target("acct-2", "document", "doc-1", "review-9"),
                RefusalAuditor::typeAndMessage,
                () -> {
                    throw new ReviewRuleException("already_recipient", "already encrypted to cert-1");
                }));

        AuditEntry e = entries().get(0);
        assertThat(List.of(e.action(), e.actor(), e.objectType(), e.objectId(), e.reviewId(), e.details()))
                .containsExactly(
                        "DOCUMENT_GRANT_REFUSED",
                        "acct-2",
                        "document",
                        "doc-1",
                        "review-9",
                        "ReviewRuleException: already encrypted to cert-1");
    }

    @Test
    void whatThePolicyDoesNotName_goesOnUnaudited() {
        IllegalStateException failure = new IllegalStateException("the server failed");
        DomainException otherRefusal =
                new DomainException(DomainException.Kind.NOT_FOUND, "not_found", "no such appointment");

        assertThat(catchThrowable(() -> refusals.auditing(
                        CHANGES,
                        RefusalAuditor.Target.review("acct-1", "review-1"),
                        RefusalAuditor::typeAndMessage,
                        () -> {
                            throw failure;
                        })))
                .isSameAs(failure);
        assertThat(catchThrowable(() -> refusals.auditing(
                        CHANGES,
                        RefusalAuditor.Target.review("acct-1", "review-1"),
                        RefusalAuditor::typeAndMessage,
                        () -> {
                            throw otherRefusal;
                        })))
                .isSameAs(otherRefusal);
        assertThat(entries()).isEmpty();
    }

    @Test
    void aStepThatIsNotRefused_answersAndLeavesNoRefusal() {
        String answer = refusals.auditing(
                CHANGES,
                RefusalAuditor.Target.review("acct-1", "review-1"),
                RefusalAuditor::typeAndMessage,
                () -> "done");

        assertThat(answer).isEqualTo("done");
        assertThat(entries()).isEmpty();
    }

    private List<AuditEntry> entries() {
        return database.read(em -> new AuditLog(em).find(null, null, null, 0, 100));
    }
}
