package org.lscb.server.web.profile;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.lscb.registry.reviewer.DeclaredInterest;
import org.lscb.registry.reviewer.Evidence;
import org.lscb.registry.reviewer.Reviewer;
import org.lscb.server.web.Templates;
import org.lscb.server.web.Words;
import org.lscb.server.web.component.Html;
import org.lscb.server.web.component.NotificationBanner;
import org.lscb.server.web.component.SummaryList;
import org.lscb.server.web.component.Table;
import org.lscb.server.web.component.Tag;
import org.lscb.server.web.component.TextOrHtml;

/**
 * The profile page's view of a reviewer's entry, in words: what the service answered, formatted for the
 * template (dates as "Tuesday 6 January 2026", codes in sentence case, states as tags). Nothing here decides
 * what the reviewer may see or do; the service did.
 */
public final class ProfileViews {

    private ProfileViews() {}

    /** A review the reviewer is appointed to, in the role they hold, since the day they were appointed. */
    public record Appointment(
            String reviewId,
            String reference,
            String pseudonym,
            String type,
            String status,
            String role,
            LocalDate since) {}

    /** A piece of evidence's verification as a tag, and a sentence of what it means. */
    public record State(Tag tag, String detail) {}

    public record Profile(
            NotificationBanner banner,
            SummaryList details,
            List<SummaryList> evidence,
            Table affiliations,
            Table interests,
            Table appointments,
            boolean hasAffiliations,
            boolean hasInterests,
            boolean hasAppointments) {

        public boolean hasBanner() {
            return banner != null;
        }
    }

    static Profile of(
            Reviewer r,
            List<DeclaredInterest> interests,
            boolean qualified,
            LocalDate qualifiedUntil,
            LocalDate today,
            Function<String, String> organisationName,
            List<Appointment> appointments,
            String done) {
        SummaryList details = SummaryList.of(
                row("Name", r.displayName(), "displayName", "your name"),
                row(
                        "Summary",
                        r.summary() == null || r.summary().isBlank() ? "None given" : r.summary(),
                        "summary",
                        "your summary"),
                row("Areas of expertise", words(r.expertise()), "expertise", "your areas of expertise"),
                row("Skills", words(r.skills()), "skills", "your skills"),
                row("Regions", words(r.regions()), "regions", "the regions you work in"),
                row(
                        "Available for new reviews",
                        r.available() ? "Yes" : "No",
                        "available",
                        "whether you are available"),
                SummaryList.Row.of("Qualified", qualification(qualified, qualifiedUntil)));
        List<SummaryList> evidence = r.evidence().stream()
                .sorted(Comparator.comparing(Evidence::date).reversed())
                .map(e -> evidence(e, today))
                .toList();
        Table affiliations = new Table(
                null,
                null,
                List.of(cell("Organisation"), cell("Tie"), cell("Role"), cell("From"), cell("To")),
                r.affiliations().stream()
                        .sorted(Comparator.comparing(org.lscb.registry.reviewer.Affiliation::from)
                                .reversed())
                        .map(a -> List.of(
                                cell(organisationName.apply(a.organisationId())),
                                cell(Words.sentence(a.kind().name())),
                                cell(a.role() == null ? "" : a.role()),
                                cell(Words.day(a.from().toString())),
                                cell(a.to().map(d -> Words.day(d.toString())).orElse("Continuing"))))
                        .toList(),
                true,
                null,
                null);
        Table interestTable = new Table(
                null,
                null,
                List.of(cell("Interest"), cell("Organisation"), cell("Declared")),
                interests.stream()
                        .sorted(Comparator.comparing(DeclaredInterest::declaredAt)
                                .reversed())
                        .map(i -> List.of(
                                cell(i.description()),
                                cell(
                                        i.organisationId() == null
                                                ? "None named"
                                                : organisationName.apply(i.organisationId())),
                                cell(Words.day(englandDay(i.declaredAt())))))
                        .toList(),
                true,
                null,
                null);
        Table appointmentTable = new Table(
                null,
                null,
                List.of(cell("Review"), cell("Type"), cell("Status"), cell("Your role"), cell("Since")),
                appointments.stream()
                        .sorted(Comparator.comparing(Appointment::since).reversed())
                        .map(a -> List.of(
                                Table.Cell.of(new Html(Templates.render("pages/profile/reviewLink.jte", a))),
                                cell(Words.reviewType(a.type())),
                                cell(Words.reviewStatus(a.status())),
                                cell(Words.appointmentRole(a.role())),
                                cell(Words.day(a.since().toString()))))
                        .toList(),
                true,
                null,
                null);
        return new Profile(
                banner(done),
                details,
                evidence,
                affiliations,
                interestTable,
                appointmentTable,
                !r.affiliations().isEmpty(),
                !interests.isEmpty(),
                !appointments.isEmpty());
    }

    private static SummaryList.Row row(String key, String value, String field, String hidden) {
        return SummaryList.Row.of(key, value, SummaryList.Action.change("/profile/edit#" + field, hidden));
    }

    private static String qualification(boolean qualified, LocalDate until) {
        if (!qualified) {
            return "Not yet: an LSCB officer verifies your evidence first";
        }
        return until == null || until.equals(LocalDate.MAX) ? "Yes" : "Yes, until " + Words.day(until.toString());
    }

    /**
     * Evidence as the reviewer sees it, in a card titled with its title: verified (by an officer), withdrawn
     * (with the officer's reason), or not verified yet; and when it expires, in words.
     */
    static SummaryList evidence(Evidence e, LocalDate today) {
        State state;
        if (e.withdrawnAt() != null) {
            state = new State(
                    Tag.of("Withdrawn", "red"), "An officer withdrew the verification: " + e.verificationNote());
        } else if (e.verified()) {
            state = new State(Tag.of("Verified", "green"), "Verified on " + Words.day(englandDay(e.verifiedAt())));
        } else {
            state = new State(Tag.of("Not verified", "grey"), "An LSCB officer has not verified it yet");
        }
        String expiry;
        if (e.expires() == null) {
            expiry = "Does not expire";
        } else if (e.expires().isBefore(today)) {
            expiry = "Expired on " + Words.day(e.expires().toString());
        } else {
            expiry = "Expires on " + Words.day(e.expires().toString());
        }
        return SummaryList.of(
                        SummaryList.Row.of("Kind", Words.sentence(e.type().name())),
                        SummaryList.Row.of("Issued by", e.issuer() == null ? "Not given" : e.issuer()),
                        SummaryList.Row.of("Date", Words.day(e.date().toString())),
                        new SummaryList.Row(
                                SummaryList.Cell.of("Verification"),
                                new SummaryList.Cell(
                                        new Html(Templates.render("pages/profile/evidenceState.jte", state)), null),
                                null,
                                null),
                        SummaryList.Row.of("Expiry", expiry))
                .inCard(new SummaryList.Card(
                        new SummaryList.Title(TextOrHtml.text(e.title()), 3, null), null, null, null));
    }

    private static String englandDay(java.time.Instant at) {
        return at.atZone(ENGLAND).toLocalDate().toString();
    }

    private static final java.time.ZoneId ENGLAND = java.time.ZoneId.of("Europe/London");

    private static NotificationBanner banner(String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "profile" -> NotificationBanner.success("Your profile has been changed");
            case "evidence" -> NotificationBanner.success("Evidence added: an LSCB officer will verify it");
            case "interest" -> NotificationBanner.success("Interest declared");
            case "affiliation" -> NotificationBanner.success("Tie to an organisation declared");
            default -> null;
        };
    }

    private static String words(Set<? extends Enum<?>> values) {
        return values.isEmpty()
                ? "None given"
                : String.join(
                        ", ",
                        values.stream()
                                .map(v -> Words.sentence(v.name()))
                                .sorted()
                                .toList());
    }

    private static Table.Cell cell(String text) {
        return new Table.Cell(TextOrHtml.text(text), null, null, null, null, null);
    }
}
