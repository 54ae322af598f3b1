package org.lscb.server.web.reviewer;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lscb.identity.account.Role;
import org.lscb.identity.organisation.Organisation;
import org.lscb.registry.reviewer.Evidence;
import org.lscb.registry.reviewer.Reviewer;
import org.lscb.reviews.AppointmentRole;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewAccess;
import org.lscb.reviews.ReviewAccess.Action;
import org.lscb.server.auth.Caller;
import org.lscb.server.organisation.OrganisationService;
import org.lscb.server.review.ReviewAppointments;
import org.lscb.server.review.ReviewService;
import org.lscb.server.review.ReviewViews;
import org.lscb.server.review.ReviewViews.IndependenceView;
import org.lscb.server.reviewer.ReviewerService;
import org.lscb.server.web.FormErrors;
import org.lscb.server.web.Pages;
import org.lscb.server.web.Words;
import org.lscb.server.web.component.Fieldset;
import org.lscb.server.web.component.Hint;
import org.lscb.server.web.component.Label;
import org.lscb.server.web.component.NotificationBanner;
import org.lscb.server.web.component.Radios;
import org.lscb.server.web.component.SummaryList;
import org.lscb.server.web.component.Tag;
import org.lscb.server.web.component.TextOrHtml;
import org.lscb.server.web.component.Textarea;

/**
 * A reviewer's page, shared by the page that shows it and the posts that come back to it with errors (an
 * appointment refused, a verification without its reason): the profile from {@link ReviewerService#get}
 * (what {@code GET /api/v1/reviewers/{id}} answers) and, for a review, the independence check from
 * {@link ReviewAppointments#independence} (what {@code GET /api/v1/reviews/{id}/independence/{reviewerId}}
 * answers). Nothing here decides a rule; it puts the services' answers into words.
 *
 * <p>The lead board's Chair comes here for a review only, to override a lead's conflict [7, 18]: they get the
 * independence check and the appointment form with the override, as the API gives them
 * {@code GET /api/v1/reviews/{id}/independence/{reviewerId}}, but not the register's profile, which
 * {@code GET /api/v1/reviewers/{id}} gives administrators, officers and the reviewer only.
 */
@RequestScoped
public class ReviewerPageViews {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private Pages pages;
    private ReviewerService reviewers;
    private ReviewService reviews;
    private ReviewAppointments appointments;
    private OrganisationService organisations;

    protected ReviewerPageViews() {}

    @Inject
    public ReviewerPageViews(
            Pages pages,
            ReviewerService reviewers,
            ReviewService reviews,
            ReviewAppointments appointments,
            OrganisationService organisations) {
        this.pages = pages;
        this.reviewers = reviewers;
        this.reviews = reviews;
        this.appointments = appointments;
        this.organisations = organisations;
    }

    /** The review the officer is appointing for. */
    public record ReviewFor(String id, String reference, String pseudonym) {}

    /** One piece of evidence, its verification and expiry in words. */
    public record EvidenceRow(
            String id,
            String type,
            String title,
            String issuer,
            String dated,
            String expiry,
            Tag state,
            String stateDetail,
            boolean verified) {}

    public record Profile(
            String id,
            String name,
            String summary,
            List<String> expertise,
            List<String> skills,
            List<String> regions,
            boolean available,
            boolean qualified,
            String qualifiedUntil,
            List<EvidenceRow> evidence,
            List<String> ties,
            List<String> interests) {}

    /** The independence check for the review: each conflict as a sentence, in the check's order. */
    public record Independence(boolean independent, boolean independentOfLscb, List<String> conflicts) {}

    /**
     * The appointment form's answers and errors; {@code refused} when the domain refused a lead who is not
     * independent, whose reasons the page then lists in its error summary.
     */
    public record AppointForm(String role, String overrideReason, FormErrors errors, boolean refused) {
        public AppointForm(String role, String overrideReason, FormErrors errors) {
            this(role, overrideReason, errors, false);
        }

        public static AppointForm empty() {
            return new AppointForm(null, "", FormErrors.none());
        }

        public static AppointForm refused(String role, String overrideReason) {
            return new AppointForm(role, overrideReason, FormErrors.none(), true);
        }
    }

    /** The verification form of one piece of evidence, its answers and errors. */
    public record VerifyForm(String evidenceId, String decision, String note, FormErrors errors) {
        public static VerifyForm empty() {
            return new VerifyForm(null, null, "", FormErrors.none());
        }
    }

    /**
     * @param reviewerId  the reviewer on the register
     * @param profile     the register's profile, or null for a caller the register does not show it to (a Chair)
     * @param mayAppoint  the review's policy allows the caller to appoint ({@code ReviewAccess.Action.MANAGE})
     * @param mayOverride the review's policy allows the caller to override a conflict ({@code Action.DECIDE})
     */
    public record View(
            String reviewerId,
            Profile profile,
            ReviewFor review,
            Independence independence,
            AppointForm appoint,
            VerifyForm verify,
            boolean mayVerify,
            boolean mayAppoint,
            boolean mayOverride,
            String done) {

        /** The page's heading: the reviewer's name, when the caller may read their profile. */
        public String heading() {
            return profile != null ? profile.name() : "A reviewer on the register";
        }

        /** Whom the appointment form names. */
        public String whom() {
            return profile != null ? profile.name() : "them";
        }

        /** The appointment form, where a post of it may succeed: an officer's, or the Chair's override. */
        public boolean offersAppointment() {
            return mayAppoint || mayOverride && !independence.independent();
        }

        /** The Chair's reason, for a lead who is not independent, to the one who may override. */
        public boolean offersOverride() {
            return mayOverride && !independence.independent();
        }

        /** Where the page leads back to: the register's search for an officer, else the review. */
        public String backText() {
            return profile != null && mayAppoint ? "Back to the search" : "Back to the review";
        }

        public String backHref() {
            return profile != null && mayAppoint
                    ? "/reviewers?review=" + review.id() + "&independent=true"
                    : "/reviews/" + review.id();
        }

        /** The success banner after a verification, or null. */
        public NotificationBanner banner() {
            if (done == null) {
                return null;
            }
            return NotificationBanner.success("verified".equals(done) ? "Evidence verified" : "Verification withdrawn");
        }

        public SummaryList about() {
            return SummaryList.of(
                    SummaryList.Row.of("Expertise", list(profile.expertise())),
                    SummaryList.Row.of("Skills", list(profile.skills())),
                    SummaryList.Row.of("Regions they work in", list(profile.regions())));
        }

        /** A piece of evidence's dates and verification, in words. */
        public SummaryList facts(EvidenceRow e) {
            return SummaryList.of(
                    SummaryList.Row.of("Issued by", e.issuer() == null ? "Not given" : e.issuer()),
                    SummaryList.Row.of("Dated", e.dated()),
                    SummaryList.Row.of("Expiry", e.expiry()),
                    SummaryList.Row.of("Verification", e.stateDetail()));
        }

        private static String list(List<String> values) {
            return values.isEmpty() ? "None given" : String.join(", ", values);
        }

        /** The errors for the summary at the top: the form that came back. */
        public FormErrors errors() {
            return appoint.errors().isEmpty() ? verify.errors() : appoint.errors();
        }

        public Radios roles() {
            return new Radios(
                            "role",
                            null,
                            List.of(
                                    item(
                                            AppointmentRole.LEAD_REVIEWER,
                                            "Leads the review. Must be independent of the case and of the"
                                                    + " organisations whose actions it looks at [11]."),
                                    item(
                                            AppointmentRole.PANEL_MEMBER,
                                            "Sits on the review panel. May have ties that are known at"
                                                    + " appointment.")),
                            appoint.role(),
                            Fieldset.of(
                                    new Fieldset.Legend(
                                            TextOrHtml.text("Appoint them as"), false, "govuk-fieldset__legend--m"),
                                    null),
                            null,
                            null,
                            null,
                            null)
                    .withError(appoint.errors().errorFor("role"));
        }

        private static Radios.Item item(AppointmentRole role, String hint) {
            return new Radios.Item(
                    role.name(),
                    TextOrHtml.text(Words.appointmentRole(role.name())),
                    Hint.of(hint),
                    null,
                    false,
                    null,
                    null,
                    null);
        }

        /** The Chair's reason, offered only where the rules allow an override: a lead who is not independent. */
        public Textarea overrideReason() {
            return Textarea.of(
                            "overrideReason",
                            new Label(
                                    TextOrHtml.text("Your reason, as the Chair, for appointing them as lead reviewer"
                                            + " all the same"),
                                    null,
                                    false,
                                    "govuk-label--s",
                                    null),
                            appoint.overrideReason())
                    .withHint(Hint.of("Only the LSCB Chair can override the independence check, with a written"
                            + " reason. Enter your reason here to appoint them as lead reviewer; it is kept"
                            + " with the appointment and in the audit log, and the panel check will still say"
                            + " that the lead is not independent [11]."))
                    .withError(appoint.errors().errorFor("overrideReason"));
        }

        public Radios decision(EvidenceRow e) {
            VerifyForm f = formFor(e);
            return new Radios(
                            "decision",
                            "decision-" + e.id(),
                            List.of(
                                    Radios.Item.of("verify", "Verify it: I have seen that it is genuine"),
                                    Radios.Item.of("withdraw", "Withdraw the verification: it should not count")),
                            f.decision(),
                            Fieldset.of(
                                    new Fieldset.Legend(
                                            TextOrHtml.text("Your decision on " + e.title()),
                                            false,
                                            "govuk-fieldset__legend--s"),
                                    null),
                            null,
                            null,
                            null,
                            null)
                    .withError(f.errors().errorFor("decision-" + e.id()));
        }

        public Textarea note(EvidenceRow e) {
            VerifyForm f = formFor(e);
            return new Textarea(
                    "note-" + e.id(),
                    "note",
                    3,
                    new Label(TextOrHtml.text("Note"), null, false, null, null),
                    Hint.of("What you checked. When withdrawing, say why: every board that relies on this"
                            + " reviewer sees it."),
                    f.errors().errorFor("note-" + e.id()),
                    f.note(),
                    null,
                    null,
                    null,
                    null,
                    null);
        }

        private VerifyForm formFor(EvidenceRow e) {
            return e.id().equals(verify.evidenceId()) ? verify : VerifyForm.empty();
        }
    }

    /**
     * The page for reviewer {@code rid}; with {@code reviewId}, the independence check for that review and
     * the appointment form (officers and Chairs, as the API's check). The profile is shown to the roles
     * {@code GET /api/v1/reviewers/{id}} admits; a Chair, who has none of them, sees the check and the form only.
     */
    public Response render(
            int status, Caller c, String rid, String reviewId, AppointForm appoint, VerifyForm verify, String done) {
        boolean forReview = reviewId != null && !reviewId.isBlank();
        boolean readsRegister = c.has(Role.ADMIN) || c.has(Role.LSCB_OFFICER) || c.has(Role.REVIEWER);
        ReviewFor reviewFor = null;
        Independence independence = null;
        boolean mayAppoint = false;
        boolean mayOverride = false;
        Map<String, String> names = new HashMap<>();
        // a profile that is not the caller's answers 404 as a missing one (ReviewerService#get), before the review
        Reviewer r = readsRegister || !forReview ? reviewers.get(c, rid) : null;
        if (forReview) {
            IndependenceView check = ReviewViews.independence(appointments.independence(c, reviewId, rid));
            ReviewService.Seen seen = reviews.get(c, reviewId);
            Review review = seen.review();
            reviewFor = new ReviewFor(review.id(), review.reference(), review.pseudonym());
            // the form is offered to whom the access policy lets post it: officers appoint, the Chair overrides
            mayAppoint = ReviewAccess.allows(Action.MANAGE, seen.relations());
            mayOverride = ReviewAccess.allows(Action.DECIDE, seen.relations());
            independence = new Independence(
                    check.independent(),
                    check.independentOfLscb(),
                    check.conflicts().stream()
                            .map(conflict -> RegisterWords.conflict(conflict, id -> name(names, id)))
                            .toList());
        }
        if (appoint.refused() && independence != null) {
            appoint =
                    new AppointForm(appoint.role(), appoint.overrideReason(), refusal(independence, mayOverride), true);
        }
        Profile profile = r == null ? null : profile(c, r, names);
        View view = new View(
                rid,
                profile,
                reviewFor,
                independence,
                appoint,
                verify,
                r != null && c.has(Role.LSCB_OFFICER) && !r.ownedBy(c.accountId()),
                mayAppoint,
                // an override is the Chair's decision [7, 18] (ReviewAccess.Action.DECIDE): officers are not offered it
                mayOverride,
                done);
        boolean error = !view.errors().isEmpty();
        return Pages.page(
                status,
                "pages/reviewer/reviewer.jte",
                pages.chrome(view.heading(), "reviewers").withError(error),
                Map.of("view", view));
    }

    private Profile profile(Caller c, Reviewer r, Map<String, String> names) {
        LocalDate today = reviewers.today();
        return new Profile(
                r.id(),
                r.displayName(),
                r.summary(),
                words(r.expertise()),
                words(r.skills()),
                words(r.regions()),
                r.available(),
                reviewers.qualifiedToday(r),
                reviewers
                        .qualifiedUntil(r)
                        .filter(d -> !d.equals(LocalDate.MAX))
                        .map(d -> Words.day(d.toString()))
                        .orElse(null),
                r.evidence().stream().map(e -> row(e, today)).toList(),
                r.affiliations().stream()
                        .map(a -> RegisterWords.code(a.kind().name()) + " with " + name(names, a.organisationId())
                                + (a.role() == null || a.role().isBlank() ? "" : " as " + a.role()) + ", from "
                                + Words.date(a.from().toString())
                                + a.to().map(t -> " to " + Words.date(t.toString()))
                                        .orElse(", still current"))
                        .toList(),
                reviewers.interestsShownTo(c, r).stream()
                        .map(i -> i.description()
                                + (i.organisationId() == null
                                        ? ""
                                        : " (involving " + name(names, i.organisationId()) + ")"))
                        .toList());
    }

    /**
     * A refused lead in the error summary: the first line goes to the Chair's reason (for the Chair) or to the
     * role (for an officer, who is not offered the override), each conflict's line to that conflict in the
     * independence check on the page ({@code conflict-1} and on).
     */
    private static FormErrors refusal(Independence independence, boolean mayOverride) {
        String refused = "They cannot be appointed as lead reviewer: they are not independent of this review [11].";
        FormErrors errors = mayOverride
                ? FormErrors.none()
                        .with(
                                "overrideReason",
                                refused + " Choose someone independent, or enter your reason to override")
                : FormErrors.none()
                        .with(
                                "role",
                                refused + " Choose someone independent, or ask the LSCB Chair, who alone can"
                                        + " override this with a written reason");
        for (int i = 0; i < independence.conflicts().size(); i++) {
            errors = errors.with("conflict-" + (i + 1), independence.conflicts().get(i));
        }
        return errors;
    }

    private String name(Map<String, String> names, String organisationId) {
        return names.computeIfAbsent(
                organisationId,
                id -> organisations.find(id).map(Organisation::name).orElse("an organisation no longer registered"));
    }

    private static EvidenceRow row(Evidence e, LocalDate today) {
        Tag state;
        String detail;
        if (e.withdrawnAt() != null) {
            state = Tag.of("Withdrawn", "red");
            detail = "Verification withdrawn on " + day(e.withdrawnAt()) + ": " + e.verificationNote();
        } else if (e.verified()) {
            state = Tag.of("Verified", "green");
            detail = "Verified on " + day(e.verifiedAt())
                    + (e.verificationNote() == null ? "" : ": " + e.verificationNote());
        } else {
            state = Tag.of("Not verified", "yellow");
            detail = "Not yet verified by an LSCB officer, so it does not count towards qualification [15]";
        }
        String expiry;
        if (e.expires() == null) {
            expiry = "No expiry date";
        } else if (e.expires().isBefore(today)) {
            expiry = "Expired on " + Words.day(e.expires().toString());
            if (e.verified()) {
                state = Tag.of("Expired", "grey");
            }
        } else {
            expiry = "Expires on " + Words.day(e.expires().toString());
        }
        return new EvidenceRow(
                e.id(),
                RegisterWords.code(e.type().name()),
                e.title(),
                e.issuer(),
                Words.date(e.date().toString()),
                expiry,
                state,
                detail,
                e.verified());
    }

    private static String day(Instant at) {
        return Words.day(at.atZone(ENGLAND).toLocalDate().toString());
    }

    private static List<String> words(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().map(RegisterWords::code).toList();
    }
}
