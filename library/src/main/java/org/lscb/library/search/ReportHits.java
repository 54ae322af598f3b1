package org.lscb.library.search;

import java.util.List;
import java.util.Map;

/**
 * One page of the library's answer: how many reports match, this page's ids with the passages that match (the
 * report's own text, not escaped, with {@code <b>} and {@code </b>} around each matched word, as the
 * reviewer register's highlights are: a page escapes the pieces and marks the matches itself), and the count of matching
 * reports by each facet's values.
 */
public record ReportHits(long total, List<Hit> hits, Map<String, Map<String, Long>> facets) {

    public record Hit(String id, List<String> highlights) {}
}
