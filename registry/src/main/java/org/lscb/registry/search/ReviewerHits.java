package org.lscb.registry.search;

import java.util.List;
import java.util.Map;

/** A page of hits, how many matched in all, and the facet counts over all matches. */
public record ReviewerHits(long total, List<Hit> hits, Map<String, Map<String, Long>> facets) {

    public record Hit(String id, String displayName, float score, boolean qualified, List<String> highlights) {}
}
