package org.lscb.registry.search;

import java.time.LocalDate;
import java.util.Set;
import org.lscb.registry.reviewer.EvidenceType;
import org.lscb.registry.reviewer.ExpertiseArea;
import org.lscb.registry.reviewer.Region;

/**
 * One search of the register. {@code text} is what a person typed and is only ever read as words.
 * Within a filter the values are alternatives; filters combine with AND. {@code independentOf}
 * removes every reviewer who fails the independence check against those organisations on {@code today}.
 */
public record ReviewerQuery(
        String text,
        Set<ExpertiseArea> expertise,
        Set<Region> regions,
        Set<EvidenceType> evidence,
        Boolean qualified,
        Boolean available,
        Set<String> independentOf,
        LocalDate today,
        LocalDate independenceCutOff,
        int page,
        int size) {

    public ReviewerQuery {
        expertise = expertise == null ? Set.of() : Set.copyOf(expertise);
        regions = regions == null ? Set.of() : Set.copyOf(regions);
        evidence = evidence == null ? Set.of() : Set.copyOf(evidence);
        independentOf = independentOf == null ? Set.of() : Set.copyOf(independentOf);
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1");
        }
    }
}
