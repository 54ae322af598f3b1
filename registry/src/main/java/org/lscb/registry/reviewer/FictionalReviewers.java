package org.lscb.registry.reviewer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A seeded, deterministic source of realistic fictional reviewers for demo data, tests and the
 * benchmark: names, regions, expertise, skills, evidence (some verified, some expired) and
 * affiliations with the given organisations across the last twenty years. The same seed, list of
 * organisations and day give the same reviewers, field for field (ids aside).
 */
public final class FictionalReviewers {

    private static final String[] FIRST = {
        "Alex",
        "Bronwen",
        "Callum",
        "Deepa",
        "Eleanor",
        "Farid",
        "Grace",
        "Hamish",
        "Imogen",
        "Jasvinder",
        "Kwame",
        "Lorna",
        "Malcolm",
        "Niamh",
        "Oluwaseun",
        "Priya",
        "Rhiannon",
        "Siobhan",
        "Tomasz",
        "Ursula",
        "Vikram",
        "Wendy",
        "Yusuf",
        "Zara",
        "Gareth",
        "Helen",
        "Ifeoma",
        "Joanna",
        "Keith",
        "Leila"
    };
    private static final String[] LAST = {
        "Abbott",
        "Bhatt",
        "Carmichael",
        "Dlamini",
        "Evans",
        "Fairbairn",
        "Griffiths",
        "Hussain",
        "Iqbal",
        "Jenkins",
        "Kowalski",
        "Lindqvist",
        "McAllister",
        "Nwosu",
        "O'Donnell",
        "Pemberton",
        "Quinn",
        "Rahman",
        "Sutherland",
        "Thackeray",
        "Underwood",
        "Vaughan",
        "Whitfield",
        "Yardley",
        "Zielinski",
        "Ashworth",
        "Brennan",
        "Chaudhry",
        "Doyle",
        "Ellison"
    };
    private static final String[] BACKGROUND = {
        "former head of safeguarding at an acute hospital trust",
        "retired detective chief inspector who led a public protection unit",
        "social worker and team manager in children's services for fifteen years",
        "designated nurse for safeguarding children",
        "independent chair of several multi-agency reviews",
        "probation officer and later senior manager in offender management",
        "educational psychologist and former head of inclusion",
        "youth offending service manager",
        "clinical psychologist specialising in perinatal mental health",
        "domestic abuse coordinator and trainer"
    };
    private static final String[] APPROACH = {
        "Uses the SCIE Learning Together systems model to look beyond individual error to the conditions of practice.",
        "Interviews practitioners in facilitated conversations and writes reports that families can read.",
        "Experienced in analysing multi-agency chronologies and in research on neglect.",
        "Has led serious case reviews and child safeguarding practice reviews for several boards.",
        "Focuses on how agencies shared information and on the voice of the child.",
        "Brings an understanding of adolescent risk, exploitation and transitions to adult services."
    };
    private static final String[] COURSES = {
        "Learning Together systems model accreditation",
        "Systems methodology for case reviews",
        "Root cause and systems analysis in safeguarding",
        "Significant incident learning process"
    };
    private static final String[] PROVIDERS = {
        "Social Care Institute for Excellence", "NSPCC", "Research in Practice", "University of Northmere"
    };

    private final Random random;
    private final List<String> organisationIds;
    private final LocalDate today;
    private int count;

    public FictionalReviewers(long seed, List<String> organisationIds, LocalDate today) {
        this.random = new Random(seed);
        this.organisationIds = List.copyOf(organisationIds);
        this.today = today;
    }

    public Stream<Reviewer> stream(int n) {
        return Stream.generate(this::next).limit(n);
    }

    public Reviewer next() {
        count++;
        Instant now = today.atStartOfDay().toInstant(ZoneOffset.UTC);
        String name = pick(FIRST) + " " + pick(LAST);
        Set<ExpertiseArea> expertise = some(ExpertiseArea.class, 1, 3);
        Set<Region> regions = some(Region.class, 1, 3);
        Set<Skill> skills = some(Skill.class, 2, 4);
        String summary = capitalise(pick(BACKGROUND)) + ". " + pick(APPROACH) + " Expertise in "
                + String.join(
                        ", ",
                        expertise.stream()
                                .map(e -> e.name().replace('_', ' ').toLowerCase())
                                .toList()) + ".";
        Reviewer r = new Reviewer(
                null, new Reviewer.Profile(name, summary, expertise, skills, regions, random.nextInt(10) < 8), now);
        int evidence = random.nextInt(4);
        for (int i = 0; i < evidence; i++) {
            EvidenceType type = EvidenceType.values()[random.nextInt(3)];
            LocalDate date = today.minusDays(30 + random.nextInt(12 * 365));
            String title = switch (type) {
                case TRAINING -> pick(COURSES);
                case TRACK_RECORD ->
                    "Lead reviewer, serious case review " + (date.getYear()) + "/" + (1 + random.nextInt(20));
                case REFERENCE -> "Reference for a completed systems review";
            };
            LocalDate expires = type == EvidenceType.REFERENCE && random.nextBoolean() ? date.plusYears(3) : null;
            Evidence e = r.addEvidence(
                    new Evidence(
                            type,
                            title,
                            type == EvidenceType.TRAINING ? pick(PROVIDERS) : null,
                            date,
                            expires,
                            null,
                            today),
                    now);
            if (random.nextInt(10) < 7) {
                r.verifyEvidence(e.id(), "fictional-officer", now, "checked against the certificate");
            }
        }
        int ties = organisationIds.isEmpty() ? 0 : random.nextInt(4);
        for (int i = 0; i < ties; i++) {
            LocalDate from = today.minusDays(365 + random.nextInt(20 * 365));
            LocalDate to = random.nextInt(3) == 0 ? null : from.plusDays(180 + random.nextInt(8 * 365));
            if (to != null && to.isAfter(today.plusYears(2))) {
                to = today.plusYears(2);
            }
            r.addAffiliation(
                    new Affiliation(
                            organisationIds.get(random.nextInt(organisationIds.size())),
                            AffiliationKind.values()[random.nextInt(AffiliationKind.values().length)],
                            "Fictional role " + count,
                            from,
                            to),
                    now);
        }
        if (!organisationIds.isEmpty() && random.nextInt(20) == 0) {
            r.declareInterest(
                    new DeclaredInterest(
                            "Close relative works there",
                            organisationIds.get(random.nextInt(organisationIds.size())),
                            null,
                            now),
                    now);
        }
        return r;
    }

    private <E extends Enum<E>> Set<E> some(Class<E> type, int min, int max) {
        E[] all = type.getEnumConstants();
        Set<E> out = EnumSet.noneOf(type);
        int n = min + random.nextInt(max - min + 1);
        List<E> pool = new ArrayList<>(List.of(all));
        for (int i = 0; i < n && !pool.isEmpty(); i++) {
            out.add(pool.remove(random.nextInt(pool.size())));
        }
        return out;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
