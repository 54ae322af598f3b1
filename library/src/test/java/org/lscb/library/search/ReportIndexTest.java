package org.lscb.library.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The public library of published reports [11]: searched by words and facets, a withdrawn report gone at once. */
class ReportIndexTest {

    private final ReportIndex index = ReportIndex.open(new ByteBuffersDirectory());

    @AfterEach
    void close() {
        index.close();
    }

    private static ReportDocument doc(String id, String text, String theme, int year) {
        return new ReportDocument(id, "Review " + id, text, Set.of(theme), "1-4", year, "Northmere");
    }

    private static ReportQuery query(String text, Set<String> themes) {
        return new ReportQuery(text, themes, Set.of(), Set.of(), Set.of(), 0, 10);
    }

    @Test
    void findsByAStemmedWordWithTheMatchHighlighted() {
        index.rebuild(Stream.of(doc("a", "Agencies neglected to share information.", "neglect", 2025)), 1);
        ReportHits hits = index.search(query("neglect sharing", Set.of()));
        assertThat(hits.total()).isEqualTo(1);
        assertThat(hits.hits().get(0).highlights().get(0)).contains("<b>neglected</b>", "<b>share</b>");
    }

    @Test
    void filtersAndCountsByFacet() {
        index.rebuild(
                Stream.of(doc("a", "text one", "neglect", 2025), doc("b", "text two", "domestic-abuse", 2024)), 2);
        ReportHits all = index.search(query("", Set.of()));
        assertThat(all.total()).isEqualTo(2);
        assertThat(all.facets().get(ReportIndex.THEME))
                .containsEntry("neglect", 1L)
                .containsEntry("domestic-abuse", 1L);
        assertThat(all.facets().get(ReportIndex.YEAR)).containsEntry("2025", 1L);
        ReportHits neglect = index.search(query("", Set.of("neglect")));
        assertThat(neglect.hits()).extracting(ReportHits.Hit::id).containsExactly("a");
    }

    /** The facet state is kept per reader between searches: each change brings a reader, and counts, of its own. */
    @Test
    void theFacetCountsFollowEachChange() {
        assertThat(index.search(query("", Set.of())).facets().get(ReportIndex.THEME))
                .isEmpty();
        index.rebuild(Stream.of(), 0);
        apply(new ReportIndex.Change(1, "a", doc("a", "text one", "neglect", 2025)));
        assertThat(index.search(query("", Set.of())).facets().get(ReportIndex.THEME))
                .containsExactly(java.util.Map.entry("neglect", 1L));
        apply(new ReportIndex.Change(2, "b", doc("b", "text two", "domestic-abuse", 2024)));
        assertThat(index.search(query("", Set.of())).facets().get(ReportIndex.THEME))
                .containsEntry("neglect", 1L)
                .containsEntry("domestic-abuse", 1L);
        apply(new ReportIndex.Change(3, "a", null));
        assertThat(index.search(query("", Set.of())).facets().get(ReportIndex.THEME))
                .containsExactly(java.util.Map.entry("domestic-abuse", 1L));
    }

    @Test
    void aWithdrawnReportIsGoneFromTheNextSearch() {
        index.rebuild(Stream.of(doc("a", "text", "neglect", 2025)), 1);
        apply(new ReportIndex.Change(2, "a", null));
        assertThat(index.search(query("text", Set.of())).total()).isZero();
    }

    @Test
    void anIndexNeverStampedMustBeRebuilt() {
        assertThat(index.appliedStamp()).isEmpty();
        assertThat(index.rebuildReason(3)).isPresent();
        assertThatThrownBy(() -> index.catchUp(3, stamp -> List.of())).isInstanceOf(IllegalStateException.class);
        index.rebuild(Stream.of(doc("a", "text", "neglect", 2025), doc("b", "text", "neglect", 2025)), 3);
        assertThat(index.appliedStamp()).hasValue(3);
        assertThat(index.catchUp(3, stamp -> List.of())).isZero();
        assertThat(index.appliedStamp()).hasValue(3);
        assertThat(List.of(index.size())).containsExactly(2L);
    }

    /** An index at a stamp above the database's (a database restored under a kept index) is rebuilt, not caught up. */
    @Test
    void anIndexAheadOfTheDatabaseMustBeRebuilt() {
        index.rebuild(Stream.of(doc("a", "text", "neglect", 2025)), 7);

        assertThat(index.rebuildReason(7)).isEmpty();
        assertThat(index.rebuildReason(3))
                .hasValueSatisfying(why -> assertThat(why).contains("stamp 7", "database's 3"));
        assertThatThrownBy(() -> index.catchUp(3, stamp -> List.of())).isInstanceOf(IllegalStateException.class);
    }

    /** Applies one change as the database's catch-up would hand it over, the database then being at its stamp. */
    private void apply(ReportIndex.Change c) {
        assertThat(index.catchUp(c.stamp(), after -> after < c.stamp() ? List.of(c) : List.of()))
                .isEqualTo(1);
    }

    /** A publication and a withdrawal made on another server, caught up in stamp order from the database's rows. */
    @Test
    void catchUp_appliesPublicationsAndWithdrawalsInStampOrder() {
        index.rebuild(Stream.of(doc("a", "neglect text", "neglect", 2025)), 1);
        List<ReportIndex.Change> rows = List.of(
                new ReportIndex.Change(2, "b", doc("b", "drowning text", "neglect", 2025)),
                new ReportIndex.Change(3, "a", null));
        java.util.function.LongFunction<List<ReportIndex.Change>> after =
                stamp -> rows.stream().filter(c -> c.stamp() > stamp).limit(1).toList();

        assertThat(index.catchUp(3, after)).isEqualTo(2);

        assertThat(index.search(query("neglect", Set.of())).total()).isZero();
        assertThat(index.search(query("drowning", Set.of())).hits())
                .extracting(ReportHits.Hit::id)
                .containsExactly("b");
        assertThat(index.appliedStamp()).hasValue(3);
        assertThat(index.catchUp(3, after)).isZero();
    }

    /** Changes this index missed (its server was down) are all above its stamp: none is skipped, none applied twice. */
    @Test
    void catchUp_afterAMissedBatch_appliesOnlyWhatIsAboveItsStamp() {
        index.rebuild(Stream.of(), 4);
        List<ReportIndex.Change> rows = List.of(
                new ReportIndex.Change(3, "old", doc("old", "old text", "neglect", 2020)),
                new ReportIndex.Change(5, "c", doc("c", "missed text", "neglect", 2025)),
                new ReportIndex.Change(6, "d", doc("d", "missed text", "neglect", 2025)));

        assertThat(index.catchUp(
                        7, stamp -> rows.stream().filter(c -> c.stamp() > stamp).toList()))
                .isEqualTo(2);

        assertThat(index.search(query("missed", Set.of())).total()).isEqualTo(2);
        assertThat(index.search(query("old", Set.of())).total()).isZero();
        assertThat(index.appliedStamp()).hasValue(7);
    }
}
