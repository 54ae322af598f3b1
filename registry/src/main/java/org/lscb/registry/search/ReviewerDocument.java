package org.lscb.registry.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.lscb.registry.reviewer.Affiliation;
import org.lscb.registry.reviewer.DeclaredInterest;
import org.lscb.registry.reviewer.EvidenceType;
import org.lscb.registry.reviewer.ExpertiseArea;
import org.lscb.registry.reviewer.QualificationRule;
import org.lscb.registry.reviewer.Region;
import org.lscb.registry.reviewer.Reviewer;
import org.lscb.registry.reviewer.Skill;

/**
 * What the index knows of one reviewer: a projection of the database row, rebuilt at will.
 * Time-dependent facts are stored as dates so that the query, not the index, applies "today":
 * {@code qualifiedUntil} (last day qualified) and each tie's {@code countsUntil}.
 */
public record ReviewerDocument(
        String id,
        String displayName,
        String summary,
        String evidenceText,
        Set<ExpertiseArea> expertise,
        Set<Skill> skills,
        Set<Region> regions,
        boolean available,
        Set<EvidenceType> evidenceTypes,
        LocalDate qualifiedUntil,
        List<Tie> ties) {

    /**
     * A tie to an organisation that counts against independence until {@code countsUntil}
     * (null: for as long as it lasts, as for open-ended affiliations and declared interests).
     */
    public record Tie(String organisationId, LocalDate countsUntil) {}

    public static ReviewerDocument of(Reviewer r, QualificationRule qualification) {
        List<Tie> ties = new ArrayList<>();
        for (Affiliation a : r.affiliations()) {
            ties.add(new Tie(a.organisationId(), a.to().orElse(null)));
        }
        for (DeclaredInterest i : r.interests()) {
            if (i.organisationId() != null) {
                ties.add(new Tie(i.organisationId(), null));
            }
        }
        Set<EvidenceType> types = EnumSet.noneOf(EvidenceType.class);
        r.evidence().forEach(e -> types.add(e.type()));
        String evidenceText = r.evidence().stream()
                .map(e -> e.title() + (e.issuer() == null ? "" : " " + e.issuer()))
                .collect(Collectors.joining(". "));
        return new ReviewerDocument(
                r.id(),
                r.displayName(),
                r.summary(),
                evidenceText,
                r.expertise(),
                r.skills(),
                r.regions(),
                r.available(),
                types,
                qualification.qualifiedUntil(r).orElse(null),
                ties);
    }
}
