package org.lscb.server.web.review;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.lscb.reviews.ClockKind;
import org.lscb.server.review.ReviewViews.AppointmentView;
import org.lscb.server.review.ReviewViews.ClockView;
import org.lscb.server.review.ReviewViews.DecisionView;
import org.lscb.server.review.ReviewViews.FactsView;
import org.lscb.server.review.ReviewViews.PauseView;
import org.lscb.server.review.ReviewViews.ReviewView;
import org.lscb.server.web.Templates;
import org.lscb.server.web.Words;
import org.lscb.server.web.component.Button;
import org.lscb.server.web.component.Html;
import org.lscb.server.web.component.NotificationBanner;
import org.lscb.server.web.component.SummaryList;
import org.lscb.server.web.component.SummaryList.Action;
import org.lscb.server.web.component.SummaryList.Card;
import org.lscb.server.web.component.SummaryList.Cell;
import org.lscb.server.web.component.SummaryList.Row;
import org.lscb.server.web.component.Tag;
import org.lscb.server.web.component.TextOrHtml;

/**
 * The review page's content as GOV.UK components, formatted from the API's view of the review
 * ({@link ReviewView}): what the review is, its SCR decision, its statutory clocks in the order they fall due,
 * its appointments and the links to what the caller may do with it. Which links show follows the access
 * policy's answer that the page resource passes in; nothing here decides a rule.
 *
 * @param banner        the success banner after a change, or null
 * @param recordDecision the button to the SCR decision form, or null when there is no decision to record
 * @param decision      the recorded SCR decision, or null
 * @param appointments  the live appointments, or null when there are none
 */
public record ReviewScreen(
        String reference,
        String type,
        NotificationBanner banner,
        SummaryList summary,
        List<Link> links,
        Button recordDecision,
        SummaryList decision,
        List<SummaryList> clocks,
        SummaryList appointments) {

    static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    /** A link to another page about the review. */
    public record Link(String text, String href) {}

    /** What the caller may do with the review, as the access policy answered. */
    record Allowed(boolean manage, boolean checkPanel, boolean decide) {}

    static ReviewScreen of(
            ReviewView v,
            Map<String, String> organisationNames,
            Map<String, String> reviewerNames,
            Allowed allowed,
            String done) {
        return new ReviewScreen(
                v.reference(),
                Words.reviewType(v.type()),
                banner(done),
                summary(v, organisationNames),
                links(v, allowed),
                allowed.decide() && "AWAITING_DECISION".equals(v.status())
                        ? Button.link("Record the SCR decision", "/reviews/" + v.id() + "/scr-decision")
                        : null,
                v.scrDecision() == null ? null : decision(v.scrDecision()),
                clocks(v, allowed),
                appointments(v, reviewerNames));
    }

    private static NotificationBanner banner(String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "decision" -> NotificationBanner.success("SCR decision recorded");
            case "paused" -> NotificationBanner.success("Clock paused");
            case "resumed" -> NotificationBanner.success("Clock resumed");
            default -> null;
        };
    }

    private static SummaryList summary(ReviewView v, Map<String, String> names) {
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of("Reference", v.reference()));
        rows.add(Row.of("Child", v.pseudonym()));
        rows.add(Row.of("Type", Words.reviewType(v.type())));
        rows.add(Row.of("Status", Words.reviewStatus(v.status())));
        rows.add(Row.of("Lead board", name(names, v.leadLscbId())));
        if (!v.cooperatingLscbIds().isEmpty()) {
            rows.add(row("Cooperating boards", lines(v.cooperatingLscbIds(), names)));
        }
        rows.add(row(
                "Organisations reviewed",
                v.organisationIds().isEmpty() ? TextOrHtml.text("None") : lines(v.organisationIds(), names)));
        var d = v.dates();
        date(rows, "Incident", d.incident());
        date(rows, "Death", d.death());
        date(rows, "Notification", d.notification());
        date(rows, "Registration of the death", d.registration());
        date(rows, "Review initiated", d.initiated());
        return new SummaryList(rows, null, null, null);
    }

    private static void date(List<Row> rows, String key, String iso) {
        if (iso != null) {
            rows.add(Row.of(key, Words.day(iso)));
        }
    }

    private static String name(Map<String, String> names, String id) {
        return names.getOrDefault(id, id);
    }

    /** Names one under another, rendered (and escaped) by {@code pages/review/lines.jte}. */
    private static TextOrHtml lines(List<String> ids, Map<String, String> names) {
        return new Html(Templates.render("pages/review/lines.jte", (Object)
                ids.stream().map(id -> name(names, id)).toList()));
    }

    private static List<Link> links(ReviewView v, Allowed allowed) {
        String base = "/reviews/" + v.id();
        List<Link> out = new ArrayList<>();
        if (allowed.manage()) {
            out.add(new Link("Find a reviewer", "/reviewers?review=" + v.id() + "&independent=true"));
        }
        if (allowed.checkPanel()) {
            out.add(new Link("Panel check", base + "/panel-check"));
        }
        out.add(new Link("Documents", base + "/documents"));
        if (allowed.manage()) {
            out.add(new Link("Ask an agency for a document", base + "/requests/new"));
        }
        if (allowed.checkPanel()) {
            out.add(new Link("Action plan", base + "/actions"));
        }
        if ((allowed.manage() || allowed.decide())
                && ("SERIOUS_CASE_REVIEW".equals(v.type()) || "MANAGEMENT_REVIEW".equals(v.type()))) {
            out.add(new Link("Publish the final report", base + "/publication"));
        }
        return out;
    }

    private static SummaryList decision(DecisionView d) {
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of("Decision", ReviewWords.decision(d.decision())));
        if (d.criteriaMet() != null) {
            rows.add(Row.of("SCR criteria met", ReviewWords.yesNo(d.criteriaMet())));
        }
        rows.add(Row.of("Reason", d.reason()));
        rows.add(Row.of("Decided on", Words.day(d.decidedOn())));
        FactsView f = d.facts();
        if (f != null) {
            rows.add(Row.of(
                    "Abuse or neglect known or suspected", ReviewWords.yesNo(f.abuseOrNeglectKnownOrSuspected())));
            rows.add(Row.of("The child died", ReviewWords.yesNo(f.childDied())));
            rows.add(Row.of("The child was seriously harmed", ReviewWords.yesNo(f.seriouslyHarmed())));
            rows.add(Row.of(
                    "Cause for concern about how organisations worked together",
                    ReviewWords.concern(f.interAgencyConcern())));
            rows.add(Row.of(
                    "Died in custody or detained under mental health law", ReviewWords.yesNo(f.diedInCustody())));
        }
        return new SummaryList(rows, null, null, null);
    }

    /** Each clock as a card, in the order they fall due: a timeline of what the board must do by when. */
    private static List<SummaryList> clocks(ReviewView v, Allowed allowed) {
        return v.clocks().stream()
                .sorted(Comparator.comparing(ClockView::due, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(c -> clock(v.id(), c, allowed))
                .toList();
    }

    private static SummaryList clock(String reviewId, ClockView c, Allowed allowed) {
        List<Row> rows = new ArrayList<>();
        rows.add(row("State", tag(Words.clockTag(c.status()))));
        rows.add(Row.of("Started", Words.day(c.startedOn())));
        // a clock that runs from a time (the visit decision's 24 hours [32]) is due, and met, at a time
        if (c.dueAt() != null) {
            rows.add(Row.of("Due", Words.at(java.time.Instant.parse(c.dueAt()))));
        } else if (c.due() != null) {
            rows.add(Row.of("Due", Words.day(c.due())));
        }
        if (c.metAt() != null) {
            rows.add(Row.of("Met", Words.at(java.time.Instant.parse(c.metAt()))));
        } else if (c.metOn() != null) {
            rows.add(Row.of("Met", Words.day(c.metOn())));
        }
        for (PauseView p : c.pauses()) {
            rows.add(Row.of(
                    "Paused",
                    (p.to() == null
                                    ? "Since " + Words.day(p.from())
                                    : "From " + Words.day(p.from()) + " to " + Words.day(p.to()))
                            + ": " + p.reason()));
        }
        ClockKind kind = ReviewWords.clock(c.clock());
        List<Action> actions = new ArrayList<>();
        if (allowed.manage() && kind != null && kind.pausable() && c.metOn() == null) {
            String base = "/reviews/" + reviewId + "/clocks/" + ReviewWords.path(kind);
            actions.add(
                    "PAUSED".equals(c.status())
                            ? Action.of("Resume", base + "/resume", "this clock")
                            : Action.of("Pause", base + "/pause", "this clock"));
        }
        Card card = new Card(
                new SummaryList.Title(TextOrHtml.text(Words.clock(c.clock())), 3, null),
                new SummaryList.Actions(actions, null),
                null,
                null);
        return new SummaryList(rows, card, null, null);
    }

    private static SummaryList appointments(ReviewView v, Map<String, String> reviewerNames) {
        List<Row> rows = new ArrayList<>();
        for (AppointmentView a : v.appointments()) {
            if (a.endedAt() != null) {
                continue;
            }
            StringBuilder who = new StringBuilder();
            String name = a.reviewerId() == null ? null : reviewerNames.get(a.reviewerId());
            if (name != null) {
                who.append(name).append(", appointed ");
            } else {
                who.append("Appointed ");
            }
            who.append(Words.day(day(a.appointedAt())));
            if (a.override() != null) {
                who.append(". Not independent; the Chair overrode this: ")
                        .append(a.override().reason());
            }
            if (a.flagged()) {
                who.append(". Flagged: ").append(a.flagReasons() == null ? "a new conflict" : a.flagReasons());
            }
            rows.add(Row.of(Words.appointmentRole(a.role()), who.toString()));
        }
        return rows.isEmpty() ? null : new SummaryList(rows, null, null, null);
    }

    private static String day(String instant) {
        return instant == null
                ? null
                : Instant.parse(instant).atZone(ENGLAND).toLocalDate().toString();
    }

    private static Row row(String key, TextOrHtml value) {
        return new Row(Cell.of(key), new Cell(value, null), null, null);
    }

    private static Html tag(Tag tag) {
        return new Html(Templates.render("components/tag.jte", tag));
    }
}
