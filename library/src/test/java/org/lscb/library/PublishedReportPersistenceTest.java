package org.lscb.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lscb.foundation.persistence.Database;
import org.lscb.foundation.persistence.SchemaMigrations;
import org.lscb.foundation.persistence.TestDataSources;
import org.lscb.identity.organisation.Organisation;
import org.lscb.identity.organisation.OrganisationKind;
import org.lscb.identity.organisation.OrganisationRepository;
import org.lscb.reviews.KeyDates;
import org.lscb.reviews.LeadBoardRule;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewType;

/**
 * The database side of the library index's version stamps (docs/architecture.md "Search"), on H2 and, with
 * {@code -Dtest.db=postgres}, PostgreSQL: the changes above a stamp come a page at a time in stamp order, each report
 * once at its latest change, withdrawals included, and a stamp is taken in its change's transaction.
 */
class PublishedReportPersistenceTest {

    static final Instant NOW = Instant.parse("2026-06-15T09:30:00Z");
    private Database database;
    private String board;

    @BeforeEach
    void open() {
        var ds = TestDataSources.fresh();
        SchemaMigrations.apply(ds, List.of("foundation", "identity", "registry", "reviews", "library"));
        database = Database.open(ds, "META-INF/library-test-persistence.xml");
        board = database.inTransaction(em -> {
            Organisation o = new Organisation("Stamped LSCB", OrganisationKind.LSCB, "Testshire");
            new OrganisationRepository(em).add(o);
            return o.id();
        });
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void changedAfter_pagesInStampOrderAboveTheStampGiven_withdrawalsIncluded() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            ids.add(publish("Report " + i)); // stamps 1 to 4, one transaction each
        }
        database.inTransaction(em -> {
            PublishedReportRepository repo = new PublishedReportRepository(em);
            long stamp = repo.nextIndexStamp();
            PublishedReport first = repo.byId(ids.get(0)).orElseThrow();
            first.withdraw(NOW, "officer-1", "the family asked");
            first.indexStamp(stamp);
            return null;
        });

        List<PublishedReport> page = changedAfter(1, 2);
        List<PublishedReport> rest = changedAfter(3, 10);

        assertThat(page).extracting(PublishedReport::indexStamp).containsExactly(2L, 3L);
        assertThat(page).extracting(PublishedReport::id).containsExactly(ids.get(1), ids.get(2));
        assertThat(rest).extracting(PublishedReport::indexStamp).containsExactly(4L, 5L);
        assertThat(rest).extracting(PublishedReport::id).containsExactly(ids.get(3), ids.get(0));
        assertThat(rest.get(1).withdrawn()).isTrue();
        assertThat(changedAfter(5, 10)).isEmpty();
        assertThat(committed()).isEqualTo(5);
    }

    /** No other transaction sees a stamp before its change commits, and a rolled-back change's stamp is never seen. */
    @Test
    void aStampIsTakenInItsChangesTransaction_andARolledBackChangesStampIsNeverSeen() {
        String kept = publish("Kept report");

        assertThatThrownBy(() -> database.inTransaction(em -> {
                    PublishedReportRepository repo = new PublishedReportRepository(em);
                    repo.add(report(em, "Rolled back report"));
                    assertThat(repo.indexStamp()).isEqualTo(2); // its own transaction sees it
                    assertThat(committed()).isEqualTo(1); // no other does before it commits
                    throw new IllegalStateException("the publication fails after taking its stamp");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(committed()).isEqualTo(1);
        assertThat(changedAfter(0, 10)).extracting(PublishedReport::id).containsExactly(kept);
        String next = publish("Next report");
        PublishedReport stamped = database.read(em -> new PublishedReportRepository(em).byId(next))
                .orElseThrow();
        assertThat(stamped.indexStamp()).isEqualTo(2);
    }

    private List<PublishedReport> changedAfter(long stamp, int limit) {
        return database.read(em -> new PublishedReportRepository(em).changedAfter(stamp, limit));
    }

    /** The stamp committed, as a transaction of its own sees it. */
    private long committed() {
        return database.read(em -> new PublishedReportRepository(em).indexStamp());
    }

    private String publish(String title) {
        return database.inTransaction(em -> {
            PublishedReport r = report(em, title);
            new PublishedReportRepository(em).add(r);
            return r.id();
        });
    }

    /** A report of a review of its own, made in the caller's transaction. */
    private PublishedReport report(jakarta.persistence.EntityManager em, String title) {
        Review review = new Review(
                new Review.Opening(
                        ReviewType.MANAGEMENT_REVIEW,
                        "ST-" + title.replace(' ', '-'),
                        "Child A",
                        LeadBoardRule.derive(ReviewType.MANAGEMENT_REVIEW, board, null, null, Set.of()),
                        Set.of(),
                        new KeyDates(null, null, null, null, null, LocalDate.of(2026, 6, 15)),
                        null,
                        false),
                "officer-1",
                NOW);
        em.persist(review);
        PublishedReport.StoredFile file = new PublishedReport.StoredFile("0".repeat(64), ReportFormat.PDF, 100);
        return new PublishedReport(
                review.id(),
                board,
                title,
                Set.of(Theme.NEGLECT),
                AgeBand.AGE_1_TO_4,
                2025,
                file,
                file,
                "1".repeat(64),
                NOW,
                "officer-1",
                null);
    }
}
