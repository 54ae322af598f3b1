package org.lscb.registry.reviewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
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

/** The reviewer aggregate round-trips through the Flyway schema on H2 and PostgreSQL. */
class ReviewerPersistenceTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private Database database;

    @BeforeEach
    void open() {
        var ds = TestDataSources.fresh();
        SchemaMigrations.apply(ds, List.of("foundation", "identity", "registry"));
        database = Database.open(ds, "META-INF/registry-test-persistence.xml");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void reviewerWithAllParts_isStoredAndReadBack() {
        String police = organisation("Testshire Police", OrganisationKind.POLICE);
        Instant now = Instant.parse("2026-06-15T09:30:00.123Z");
        String id = database.inTransaction(em -> {
            Reviewer r = new Reviewer(
                    null,
                    new Reviewer.Profile(
                            "Dana Reviewer",
                            "Systems reviews of neglect.",
                            Set.of(ExpertiseArea.HEALTH, ExpertiseArea.EDUCATION),
                            Set.of(Skill.INVESTIGATION),
                            Set.of(Region.LONDON),
                            true),
                    now);
            Evidence e = r.addEvidence(
                    new Evidence(
                            EvidenceType.TRAINING,
                            "Learning Together",
                            "SCIE",
                            LocalDate.of(2024, 3, 1),
                            null,
                            null,
                            TODAY),
                    now);
            r.verifyEvidence(e.id(), "officer-1", now, "certificate seen");
            r.addAffiliation(
                    new Affiliation(
                            police,
                            AffiliationKind.EMPLOYMENT,
                            "Analyst",
                            LocalDate.of(2015, 1, 1),
                            LocalDate.of(2022, 12, 31)),
                    now);
            r.declareInterest(new DeclaredInterest("Brother is a sergeant there", police, null, now), now);
            new ReviewerRepository(em).add(r);
            return r.id();
        });

        Reviewer back = database.read(em -> new ReviewerRepository(em).byId(id)).orElseThrow();

        assertThat(back.displayName()).isEqualTo("Dana Reviewer");
        assertThat(back.expertise()).containsExactlyInAnyOrder(ExpertiseArea.HEALTH, ExpertiseArea.EDUCATION);
        assertThat(back.regions()).containsExactly(Region.LONDON);
        assertThat(back.evidence()).singleElement().satisfies(e -> {
            assertThat(e.verified()).isTrue();
            assertThat(e.verifiedBy()).isEqualTo("officer-1");
            assertThat(e.date()).isEqualTo(LocalDate.of(2024, 3, 1));
        });
        assertThat(back.affiliations()).singleElement().satisfies(a -> {
            assertThat(a.organisationId()).isEqualTo(police);
            assertThat(a.to()).contains(LocalDate.of(2022, 12, 31));
        });
        assertThat(back.interests()).hasSize(1);
        assertThat(back.updatedAt()).isEqualTo(now);
    }

    @Test
    void pagesInIdOrder_carryEveryPart() {
        String org = organisation("Testshire Health", OrganisationKind.HEALTH);
        List<Reviewer> made =
                new FictionalReviewers(3, List.of(org), TODAY).stream(25).toList();
        database.inTransaction(em -> {
            made.forEach(r -> new ReviewerRepository(em).add(r));
            return null;
        });

        List<Reviewer> first = database.read(em -> new ReviewerRepository(em).pageAfter(null, 10));
        List<Reviewer> rest = database.read(
                em -> new ReviewerRepository(em).pageAfter(first.get(9).id(), 100));

        assertThat(first).hasSize(10);
        assertThat(rest).hasSize(15);
        assertThat(first.get(0).id()).isLessThan(first.get(9).id());
        long ties = made.stream().mapToLong(r -> r.affiliations().size()).sum();
        assertThat(first.stream().mapToLong(r -> r.affiliations().size()).sum()
                        + rest.stream().mapToLong(r -> r.affiliations().size()).sum())
                .isEqualTo(ties);
    }

    /**
     * Catching an index up reads the reviewers changed above its stamp a page at a time: each page in stamp order,
     * every reviewer once at its latest change (docs/architecture.md "Search").
     */
    @Test
    void changedAfter_pagesInStampOrderAboveTheStampGiven() {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(add("Reviewer " + i)); // stamps 1 to 5, one transaction each
        }
        database.inTransaction(em -> {
            ReviewerRepository repo = new ReviewerRepository(em);
            long stamp = repo.nextIndexStamp();
            Reviewer first = repo.byId(ids.get(0)).orElseThrow();
            first.update(
                    new Reviewer.Profile("Reviewer 1 again", null, Set.of(), Set.of(), Set.of(), true),
                    Instant.parse("2026-06-15T10:00:00Z"));
            first.indexStamp(stamp);
            return null;
        });

        List<Reviewer> page = changedAfter(2, 2);
        List<Reviewer> rest = changedAfter(4, 10);

        assertThat(page).extracting(Reviewer::indexStamp).containsExactly(3L, 4L);
        assertThat(page).extracting(Reviewer::id).containsExactly(ids.get(2), ids.get(3));
        assertThat(rest).extracting(Reviewer::indexStamp).containsExactly(5L, 6L);
        assertThat(rest).extracting(Reviewer::displayName).containsExactly("Reviewer 5", "Reviewer 1 again");
        assertThat(changedAfter(6, 10)).isEmpty();
        assertThat(committed()).isEqualTo(6);
    }

    /**
     * A stamp is taken in its change's transaction: no other transaction sees it before that one commits, and a
     * rolled-back change's stamp is never seen, so a server that sees stamp N committed has every change up to N.
     */
    @Test
    void aStampIsTakenInItsChangesTransaction_andARolledBackChangesStampIsNeverSeen() {
        String kept = add("Kept Reviewer");

        assertThatThrownBy(() -> database.inTransaction(em -> {
                    ReviewerRepository repo = new ReviewerRepository(em);
                    repo.add(reviewer("Rolled Back Reviewer"));
                    assertThat(repo.indexStamp()).isEqualTo(2); // its own transaction sees it
                    assertThat(committed()).isEqualTo(1); // no other does before it commits
                    throw new IllegalStateException("the change fails after taking its stamp");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(committed()).isEqualTo(1);
        assertThat(changedAfter(0, 10)).extracting(Reviewer::id).containsExactly(kept);
        String next = add("Next Reviewer");
        Reviewer stamped =
                database.read(em -> new ReviewerRepository(em).byId(next)).orElseThrow();
        assertThat(stamped.indexStamp()).isEqualTo(2);
    }

    private List<Reviewer> changedAfter(long stamp, int limit) {
        return database.read(em -> new ReviewerRepository(em).changedAfter(stamp, limit));
    }

    /** The stamp committed, as a transaction of its own sees it. */
    private long committed() {
        return database.read(em -> new ReviewerRepository(em).indexStamp());
    }

    private String add(String name) {
        return database.inTransaction(em -> {
            Reviewer r = reviewer(name);
            new ReviewerRepository(em).add(r);
            return r.id();
        });
    }

    private static Reviewer reviewer(String name) {
        return new Reviewer(
                null,
                new Reviewer.Profile(name, null, Set.of(), Set.of(), Set.of(), true),
                Instant.parse("2026-06-15T09:00:00Z"));
    }

    private String organisation(String name, OrganisationKind kind) {
        return database.inTransaction(em -> {
            Organisation o = new Organisation(name, kind, "Testshire");
            new OrganisationRepository(em).add(o);
            return o.id();
        });
    }
}
