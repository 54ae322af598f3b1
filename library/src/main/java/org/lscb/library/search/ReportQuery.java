package org.lscb.library.search;

import java.util.Set;

/**
 * A search of the public library: words, each of which must be in the report (stemmed: "neglected" finds
 * "neglect"), and filters by facet; several values of one facet widen the search (any of them), facets narrow it (all of them).
 */
public record ReportQuery(
        String text,
        Set<String> themes,
        Set<String> ageBands,
        Set<Integer> years,
        Set<String> boards,
        int page,
        int size) {

    public ReportQuery {
        themes = Set.copyOf(themes);
        ageBands = Set.copyOf(ageBands);
        years = Set.copyOf(years);
        boards = Set.copyOf(boards);
    }
}
