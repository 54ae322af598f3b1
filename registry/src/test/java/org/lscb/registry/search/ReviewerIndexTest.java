package org.lscb.registry.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lscb.registry.independence.IndependenceCheck;
import org.lscb.registry.reviewer.Affiliation;
import org.lscb.registry.reviewer.AffiliationKind;
import org.lscb.registry.reviewer.Evidence;
import org.lscb.registry.reviewer.EvidenceType;
import org.lscb.registry.reviewer.ExpertiseArea;
import org.lscb.registry.reviewer.FictionalReviewers;
import org.lscb.registry.reviewer.QualificationRule;
import org.lscb.registry.reviewer.Region;
import org.lscb.registry.reviewer.Reviewer;
import org.lscb.registry.reviewer.Skill;

/** The register's search over a small fixed corpus, and its independence clause against the rule. */
class ReviewerIndexTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final String POLICE = "11111111-1111-1111-1111-111111111111";
    static final String HEALTH = "22222222-2222-2222-2222-222222222222";

    private final QualificationRule qualification = QualificationRule.standard();
    private final IndependenceCheck independence = IndependenceCheck.standard();
    private final ReviewerIndex index = ReviewerIndex.open(new ByteBuffersDirectory());

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void fixedCorpus_exactHitsAndFacetCounts() {
        Reviewer margaret = reviewer(
                "Margaret Pemberton",
                "Former designated nurse; systems reviews of neglect.",
                Set.of(ExpertiseArea.HEALTH),
                Set.of(Region.NORTH_WEST),
                true);
        qualify(margaret);
        Reviewer tomasz = reviewer(
                "Tomasz Kowalski",
                "Retired detective; domestic abuse and exploitation.",
                Set.of(ExpertiseArea.POLICE, ExpertiseArea.DOMESTIC_ABUSE),
                Set.of(Region.NORTH_WEST, Region.LONDON),
                false);
        Reviewer priya = reviewer(
                "Priya Rahman",
                "Social worker and reviewer of neglect cases in children's services.",
                Set.of(ExpertiseArea.CHILDRENS_SOCIAL_CARE),
                Set.of(Region.LONDON),
                true);
        qualify(priya);
        indexAll(margaret, tomasz, priya);

        ReviewerHits neglect = index.search(query("neglect").build());
        assertThat(neglect.hits())
                .extracting(ReviewerHits.Hit::displayName)
                .containsExactlyInAnyOrder("Margaret Pemberton", "Priya Rahman");
        assertThat(neglect.total()).isEqualTo(2);
        assertThat(neglect.facets().get("region")).isEqualTo(Map.of("NORTH_WEST", 1L, "LONDON", 1L));
        assertThat(neglect.facets().get("qualified")).isEqualTo(Map.of("true", 2L, "false", 0L));
        assertThat(neglect.hits().get(0).highlights()).anyMatch(h -> h.contains("<b>neglect</b>"));

        ReviewerHits northWest =
                index.search(query("").regions(Set.of(Region.NORTH_WEST)).build());
        assertThat(northWest.total()).isEqualTo(2);
        assertThat(northWest.facets().get("expertise"))
                .isEqualTo(Map.of("HEALTH", 1L, "POLICE", 1L, "DOMESTIC_ABUSE", 1L));
        assertThat(northWest.facets().get("available")).isEqualTo(Map.of("true", 1L, "false", 1L));

        assertThat(index.search(query("").qualified(true).available(true).build())
                        .hits())
                .extracting(ReviewerHits.Hit::displayName)
                .containsExactlyInAnyOrder("Margaret Pemberton", "Priya Rahman");
        assertThat(index.search(query("").qualified(false).build()).hits())
                .extracting(ReviewerHits.Hit::displayName)
                .containsExactly("Tomasz Kowalski");
    }

    @Test
    void namesForgiveTypos() {
        indexAll(reviewer("Siobhan McAllister", "Chair of reviews.", Set.of(), Set.of(), true));

        assertThat(index.search(query("Siobahn").build()).total()).isEqualTo(1);
        assertThat(index.search(query("mcalister").build()).total()).isEqualTo(1);
        assertThat(index.search(query("Zebedee").build()).total()).isZero();
    }

    @Test
    void stemmedWordsInTheSummaryMatch() {
        indexAll(reviewer("A Reviewer", "Has reviewed many investigations.", Set.of(), Set.of(), true));

        assertThat(index.search(query("investigation review").build()).total()).isEqualTo(1);
    }

    /**
     * Query syntax mixed with words finds exactly the reviewers who have those words: a query parser would
     * read {@code *}, {@code OR}, {@code /.../} or {@code [* TO *]} as operators and widen the search to
     * everyone, or fail and find no one. The stop words "or", "and" and "to" say nothing about anyone.
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "*:* neglect | Priya Rahman",
                "neglect OR * | Priya Rahman",
                "*open | Open Reviewer",
                "\"open | Open Reviewer",
                "/detective.*/ | Tomasz Kowalski",
                "open \\ | Open Reviewer",
                "detective AND (retired | Tomasz Kowalski",
                "name:foo^10 | ``",
                "neglect~~~ | Priya Rahman",
                "[detective TO *] | Tomasz Kowalski",
                "x OR * | ``",
            })
    void querySyntax_isReadAsWordsAndNeverFails(String typed, String expected) {
        indexSyntaxCorpus();

        ReviewerHits hits = index.search(query(typed).build());

        List<String> names = expected.isEmpty() ? List.of() : List.of(expected);
        assertThat(hits.hits())
                .as(typed)
                .extracting(ReviewerHits.Hit::displayName)
                .containsExactlyElementsOf(names);
        assertThat(hits.total()).as(typed).isEqualTo(names.size());
    }

    /** Syntax with no word in it at all says nothing about anyone: it lists everyone, as a search with nothing typed does. */
    @ParameterizedTest
    @ValueSource(strings = {"*:*", "*", "/.*/", "\\", "~~~", "[* TO *]", "\"", "( )"})
    void querySyntaxWithoutWords_searchesAsIfNothingWasTyped(String typed) {
        indexSyntaxCorpus();

        ReviewerHits hits = index.search(query(typed).build());

        assertThat(hits.hits())
                .as(typed)
                .extracting(ReviewerHits.Hit::displayName)
                .containsExactlyInAnyOrderElementsOf(index.search(query("").build()).hits().stream()
                        .map(ReviewerHits.Hit::displayName)
                        .toList())
                .hasSize(3);
    }

    private void indexSyntaxCorpus() {
        indexAll(
                reviewer("Open Reviewer", "Open to work anywhere.", Set.of(), Set.of(), true),
                reviewer(
                        "Priya Rahman",
                        "Social worker; reviews of neglect in children's services.",
                        Set.of(),
                        Set.of(),
                        true),
                reviewer("Tomasz Kowalski", "Retired detective; domestic abuse.", Set.of(), Set.of(), true));
    }

    @Test
    void fiveThousandWords_answerWithoutFailing() {
        indexAll(reviewer("Many Words", "Text.", Set.of(), Set.of(), true));
        String typed = String.join(" ", java.util.Collections.nCopies(5000, "word")) + " "
                + new Random(1)
                        .ints(5000, 0, 1_000_000)
                        .mapToObj(Integer::toString)
                        .collect(Collectors.joining(" "));

        assertThat(index.search(query(typed).build()).total()).isZero();
    }

    @Test
    void aChange_replacesTheReviewerAndIsSearchableAtOnce() {
        Reviewer r = reviewer("Before Name", "x", Set.of(), Set.of(), true);
        indexAll(r);
        r.update(
                new Reviewer.Profile("After Name", "x", Set.of(), Set.of(), Set.of(), true),
                Instant.parse("2026-06-02T10:00:00Z"));

        index.catchUp(1, new ChangeLog(10).add(1, r.id(), ReviewerDocument.of(r, qualification))::after);

        assertThat(index.search(query("after").build()).total()).isEqualTo(1);
        assertThat(index.search(query("before").build()).total()).isZero();
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void anIndexNeverStamped_mustBeRebuiltAndThenHoldsTheStampReadBeforeTheRows() {
        assertThat(index.appliedStamp()).isEmpty();
        assertThat(index.rebuildReason(1)).isPresent();
        assertThatThrownBy(() -> index.catchUp(1, after -> List.of())).isInstanceOf(IllegalStateException.class);

        index.rebuild(
                java.util.stream.Stream.of(
                        ReviewerDocument.of(reviewer("Someone", "x", Set.of(), Set.of(), true), qualification)),
                7);

        assertThat(index.appliedStamp()).hasValue(7);
        assertThat(index.size()).isEqualTo(1);
    }

    /**
     * An index whose stamp is above the database's holds changes the database lacks (a database restored from an
     * older copy under a kept index), and catching it up would skip the database's next changes up to its stamp.
     */
    @Test
    void anIndexAheadOfTheDatabase_mustBeRebuiltAndIsNeverCaughtUp() {
        Reviewer kept = reviewer("Kept Reviewer", "kept", Set.of(), Set.of(), true);
        index.rebuild(java.util.stream.Stream.of(ReviewerDocument.of(kept, qualification)), 7);

        assertThat(index.rebuildReason(7)).isEmpty();
        assertThat(index.rebuildReason(3))
                .hasValueSatisfying(why -> assertThat(why).contains("stamp 7", "database's 3"));
        assertThatThrownBy(() -> index.catchUp(3, after -> List.of())).isInstanceOf(IllegalStateException.class);
        assertThat(index.appliedStamp()).hasValue(7);
    }

    @Test
    void catchUp_appliesChangesInStampOrderAPageAtATime() {
        index.rebuild(java.util.stream.Stream.of(), 0);
        Reviewer r = reviewer("Changing Reviewer", "neglect", Set.of(), Set.of(), true);
        Reviewer other = reviewer("Other Reviewer", "exploitation", Set.of(), Set.of(), true);
        ReviewerDocument first = ReviewerDocument.of(r, qualification);
        r.update(
                new Reviewer.Profile("Changing Reviewer", "drowning", Set.of(), Set.of(), Set.of(), true),
                Instant.parse("2026-06-02T10:00:00Z"));
        ChangeLog log = new ChangeLog(2)
                .add(1, r.id(), first)
                .add(2, other.id(), ReviewerDocument.of(other, qualification))
                .add(3, r.id(), ReviewerDocument.of(r, qualification));

        assertThat(index.catchUp(3, log::after)).isEqualTo(3);

        assertThat(index.search(query("drowning").build()).total()).isEqualTo(1); // the later change won
        assertThat(index.search(query("neglect").build()).total()).isZero();
        assertThat(index.search(query("exploitation").build()).total()).isEqualTo(1);
        assertThat(index.appliedStamp()).hasValue(3);
        assertThat(log.asked).containsExactly(0L, 2L, 3L); // two pages, then an empty one
    }

    @Test
    void catchUp_afterAMissedBatch_appliesOnlyTheChangesAboveItsStamp() {
        Reviewer a = reviewer("Anna Seen", "seen", Set.of(), Set.of(), true);
        Reviewer b = reviewer("Ben Missed", "missed", Set.of(), Set.of(), true);
        Reviewer c = reviewer("Cara Missed", "missed", Set.of(), Set.of(), true);
        ChangeLog log = new ChangeLog(100).add(1, a.id(), ReviewerDocument.of(a, qualification));
        index.rebuild(java.util.stream.Stream.of(), 0);
        assertThat(index.catchUp(1, log::after)).isEqualTo(1);
        // a batch this index never heard of: the server was down, or its polls failed
        log.add(2, b.id(), ReviewerDocument.of(b, qualification)).add(3, c.id(), ReviewerDocument.of(c, qualification));

        // the database's stamp is above the last row: stamp 4's reviewer changed again, at 5, which is not committed
        assertThat(index.catchUp(4, log::after)).isEqualTo(2);

        assertThat(index.search(query("missed").build()).total()).isEqualTo(2);
        assertThat(index.appliedStamp()).hasValue(4);
        assertThat(index.catchUp(4, log::after)).isZero();
    }

    @Test
    void catchUp_removesAReviewerWhoseChangeHasNoDocument() {
        Reviewer r = reviewer("Leaving Reviewer", "leaving", Set.of(), Set.of(), true);
        index.rebuild(java.util.stream.Stream.of(ReviewerDocument.of(r, qualification)), 1);
        assertThat(index.search(query("leaving").build()).total()).isEqualTo(1);

        assertThat(index.catchUp(2, new ChangeLog(10).add(2, r.id(), null)::after))
                .isEqualTo(1);

        assertThat(index.search(query("leaving").build()).total()).isZero();
        assertThat(index.size()).isZero();
    }

    @Test
    void catchUp_refusesChangesOutOfOrder() {
        index.rebuild(java.util.stream.Stream.of(), 5);
        Reviewer r = reviewer("Late Reviewer", "late", Set.of(), Set.of(), true);

        assertThatThrownBy(() -> index.catchUp(
                        6,
                        after -> List.of(new ReviewerIndex.Change(4, r.id(), ReviewerDocument.of(r, qualification)))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The database's side of a catch-up, held in memory: changes by stamp, handed out a page at a time. */
    private static final class ChangeLog {
        private final int pageSize;
        private final List<ReviewerIndex.Change> changes = new ArrayList<>();
        final List<Long> asked = new ArrayList<>();

        ChangeLog(int pageSize) {
            this.pageSize = pageSize;
        }

        ChangeLog add(long stamp, String id, ReviewerDocument d) {
            changes.add(new ReviewerIndex.Change(stamp, id, d));
            return this;
        }

        List<ReviewerIndex.Change> after(long stamp) {
            asked.add(stamp);
            return changes.stream()
                    .filter(c -> c.stamp() > stamp)
                    .limit(pageSize)
                    .toList();
        }
    }

    @Test
    void independentOf_removesCurrentRecentAndFutureTiesButNotLapsedOnes() {
        Reviewer current = withTie("Current", POLICE, LocalDate.of(2010, 1, 1), null);
        Reviewer atCutOff = withTie("At cut-off", POLICE, LocalDate.of(2010, 1, 1), TODAY.minusYears(5));
        Reviewer lapsed = withTie(
                "Lapsed", POLICE, LocalDate.of(2010, 1, 1), TODAY.minusYears(5).minusDays(1));
        Reviewer future = withTie("Future", POLICE, TODAY.plusMonths(2), null);
        Reviewer elsewhere = withTie("Elsewhere", HEALTH, LocalDate.of(2010, 1, 1), null);
        indexAll(current, atCutOff, lapsed, future, elsewhere);

        ReviewerHits hits = index.search(query("").independentOf(Set.of(POLICE)).build());

        assertThat(hits.hits())
                .extracting(ReviewerHits.Hit::displayName)
                .containsExactlyInAnyOrder("Lapsed", "Elsewhere");
    }

    @Test
    void independentOfClause_agreesWithTheIndependenceCheckOnEveryGeneratedReviewer() {
        List<String> orgs = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < 25; i++) {
            orgs.add(new java.util.UUID(random.nextLong(), random.nextLong()).toString());
        }
        List<Reviewer> reviewers =
                new FictionalReviewers(7, orgs, TODAY).stream(1500).toList();
        indexAll(reviewers.toArray(Reviewer[]::new));

        for (int trial = 0; trial < 60; trial++) {
            Set<String> involved = new HashSet<>();
            int n = 1 + random.nextInt(3);
            while (involved.size() < n) {
                involved.add(orgs.get(random.nextInt(orgs.size())));
            }
            Set<String> expected = reviewers.stream()
                    .filter(r ->
                            independence.check(r, involved, null, null, TODAY).independent())
                    .map(Reviewer::id)
                    .collect(Collectors.toSet());

            Set<String> found =
                    index
                            .search(query("")
                                    .independentOf(involved)
                                    .size(ReviewerIndex.MAX_WINDOW)
                                    .build())
                            .hits()
                            .stream()
                            .map(ReviewerHits.Hit::id)
                            .collect(Collectors.toSet());

            assertThat(found).as("independent of " + involved).isEqualTo(expected);
            assertThat(expected.size()).isLessThan(reviewers.size());
        }
    }

    // --- helpers

    private void indexAll(Reviewer... reviewers) {
        index.rebuild(java.util.Arrays.stream(reviewers).map(r -> ReviewerDocument.of(r, qualification)), 0);
    }

    private Reviewer withTie(String name, String org, LocalDate from, LocalDate to) {
        Reviewer r = reviewer(name, null, Set.of(), Set.of(), true);
        r.addAffiliation(new Affiliation(org, AffiliationKind.EMPLOYMENT, null, from, to), Instant.EPOCH);
        return r;
    }

    private static Reviewer reviewer(
            String name, String summary, Set<ExpertiseArea> expertise, Set<Region> regions, boolean available) {
        return new Reviewer(
                null,
                new Reviewer.Profile(name, summary, expertise, Set.of(Skill.REPORT_WRITING), regions, available),
                Instant.parse("2026-06-01T10:00:00Z"));
    }

    private static void qualify(Reviewer r) {
        Evidence e = r.addEvidence(
                new Evidence(
                        EvidenceType.TRAINING, "Learning Together", "SCIE", TODAY.minusYears(1), null, null, TODAY),
                Instant.EPOCH);
        r.verifyEvidence(e.id(), "officer", Instant.EPOCH, null);
    }

    private QueryBuilder query(String text) {
        return new QueryBuilder(text);
    }

    /** Test-only builder with the defaults of a plain search. */
    private final class QueryBuilder {
        private final String text;
        private Set<Region> regions = Set.of();
        private Boolean qualified;
        private Boolean available;
        private Set<String> independentOf = Set.of();
        private int size = 20;

        QueryBuilder(String text) {
            this.text = text;
        }

        QueryBuilder regions(Set<Region> r) {
            regions = r;
            return this;
        }

        QueryBuilder qualified(boolean q) {
            qualified = q;
            return this;
        }

        QueryBuilder available(boolean a) {
            available = a;
            return this;
        }

        QueryBuilder independentOf(Set<String> orgs) {
            independentOf = orgs;
            return this;
        }

        QueryBuilder size(int s) {
            size = s;
            return this;
        }

        ReviewerQuery build() {
            return new ReviewerQuery(
                    text,
                    Set.of(),
                    regions,
                    Set.of(),
                    qualified,
                    available,
                    independentOf,
                    TODAY,
                    independence.cutOff(TODAY),
                    0,
                    size);
        }
    }
}
