package org.lscb.reviews.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
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
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewRepository;
import org.lscb.reviews.ReviewType;

/**
 * A notification round-trips through the Flyway schema, its row holds neither the NHS number nor the date of
 * birth in any spelling, and a child's key opens at most one review.
 */
class ChildDeathNotificationPersistenceTest {

    static final Instant NOW = Instant.parse("2026-06-15T09:30:00Z");
    static final LocalDate BORN = LocalDate.of(2025, 3, 1);
    static final ChildKey KEYS = new ChildKey(filled(7));

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
    void storedNotification_holdsNoClearNhsNumberOrDateOfBirth() {
        String board = organisation("Testshire LSCB", OrganisationKind.LSCB);
        String police = organisation("Testshire Police", OrganisationKind.POLICE);
        NotifiedDeath death = death(board);

        String id = database.inTransaction(em -> notify(em, death, police, true).id());

        List<?> row = database.read(em ->
                em.createNativeQuery("select * from child_death_notification").getResultList());
        assertThat(row).hasSize(1);
        Object[] columns = (Object[]) row.get(0);
        String all = Arrays.toString(columns);
        assertThat(all)
                .contains(KEYS.of("9434765919", BORN))
                .doesNotContain("9434765919")
                .doesNotContain("943 476 5919")
                .doesNotContain("2025-03-01")
                .doesNotContain("20250301")
                .doesNotContain("01/03/2025")
                .doesNotContain("1/3/2025");
        ChildDeathNotification back = database.read(em -> em.find(ChildDeathNotification.class, id));
        assertThat(back.opened()).isTrue();
        assertThat(back.place()).isEqualTo(PlaceOfDeath.HOME);
        assertThat(back.unexpectedSaid()).isEmpty();
        assertThat(back.whatIsKnown()).contains("found unresponsive in the morning");
        assertThat(back.notifierOrganisationId()).contains(police);
    }

    @Test
    void secondOpeningForTheSameChild_isRefusedByTheDatabase_whileAJoiningOneIsKept() {
        String board = organisation("Testshire LSCB", OrganisationKind.LSCB);
        NotifiedDeath death = death(board);
        String first =
                database.inTransaction(em -> notify(em, death, null, true).reviewId());

        database.inTransaction(em -> {
            Review r = new ReviewRepository(em).byId(first).orElseThrow();
            new ChildDeathNotificationRepository(em)
                    .add(new ChildDeathNotification(r, false, death, KEYS.of("9434765919", BORN), "b", null, NOW));
            return null;
        });
        assertThatThrownBy(() -> database.inTransaction(em -> notify(em, death, null, true)))
                .isInstanceOf(RuntimeException.class);

        List<ChildDeathNotification> ofReview =
                database.read(em -> new ChildDeathNotificationRepository(em).ofReview(first));
        java.util.Optional<String> opened = database.read(em -> new ChildDeathNotificationRepository(em)
                .openingFor(KEYS.of("9434765919", BORN))
                .map(ChildDeathNotification::reviewId));
        assertThat(ofReview).hasSize(2);
        assertThat(opened).contains(first);
    }

    private static NotifiedDeath death(String board) {
        return NotifiedDeath.check(
                "943 476 5919",
                BORN,
                Instant.parse("2026-06-14T07:00:00Z"),
                PlaceOfDeath.HOME,
                board,
                false,
                null,
                null,
                "found unresponsive in the morning",
                NOW);
    }

    private static ChildDeathNotification notify(
            jakarta.persistence.EntityManager em, NotifiedDeath d, String org, boolean opened) {
        Review r = new Review(
                new Review.Opening(
                        ReviewType.CHILD_DEATH_REVIEW,
                        "CDN-" + java.util.UUID.randomUUID().toString().substring(0, 8),
                        "Child A",
                        d.boards(),
                        org == null ? Set.of() : Set.of(org),
                        new KeyDates(
                                null, d.diedOn(), LocalDate.of(2026, 6, 15), null, null, LocalDate.of(2026, 6, 15)),
                        d.childDeath(),
                        d.lookedAfter()),
                "notifier",
                NOW);
        new ReviewRepository(em).add(r);
        ChildDeathNotification n =
                new ChildDeathNotification(r, opened, d, KEYS.of(d.nhsNumber(), d.dateOfBirth()), "notifier", org, NOW);
        new ChildDeathNotificationRepository(em).add(n);
        return n;
    }

    private String organisation(String name, OrganisationKind kind) {
        return database.inTransaction(em -> {
            Organisation o = new Organisation(name, kind, "Testshire");
            new OrganisationRepository(em).add(o);
            return o.id();
        });
    }

    private static byte[] filled(int b) {
        byte[] k = new byte[ChildKey.KEY_BYTES];
        Arrays.fill(k, (byte) b);
        return k;
    }
}
