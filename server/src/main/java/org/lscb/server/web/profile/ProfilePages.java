package org.lscb.server.web.profile;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.identity.account.Role;
import org.lscb.identity.organisation.Organisation;
import org.lscb.registry.reviewer.Affiliation;
import org.lscb.registry.reviewer.AffiliationKind;
import org.lscb.registry.reviewer.DeclaredInterest;
import org.lscb.registry.reviewer.Evidence;
import org.lscb.registry.reviewer.EvidenceType;
import org.lscb.registry.reviewer.ExpertiseArea;
import org.lscb.registry.reviewer.Region;
import org.lscb.registry.reviewer.Reviewer;
import org.lscb.registry.reviewer.Skill;
import org.lscb.server.auth.Caller;
import org.lscb.server.json.Enums;
import org.lscb.server.json.Paging;
import org.lscb.server.organisation.OrganisationService;
import org.lscb.server.review.ReviewService;
import org.lscb.server.review.ReviewViews;
import org.lscb.server.reviewer.ReviewerService;
import org.lscb.server.web.DateAnswer;
import org.lscb.server.web.FormErrors;
import org.lscb.server.web.Pages;
import org.lscb.server.web.session.SignedIn;

/**
 * A reviewer's own register entry (docs/domain.md "Reviewer qualification", "Independence"): what the register
 * holds on them, their evidence with its verification, the ties and interests they declared, and the reviews they
 * are appointed to; and the forms that change it. Each page is the view of the {@link ReviewerService} call that
 * {@code /api/v1/reviewers/{id}} makes, on the entry linked to the caller's account ({@link ReviewerService#own}),
 * so no page takes an entry's id and none can name another reviewer's. Who may change what is
 * {@code ProfileStewardship}'s, inside the service; the appointments are what {@code GET /api/v1/reviews}
 * answers the reviewer, from the same {@link ReviewService#list} call.
 *
 * <p>Roles: REVIEWER only. The API's reviewer endpoints also admit officers and administrators, but only a
 * reviewer's own account is ever linked to an entry ({@link ReviewerService#create}); an officer manages the
 * register through the register pages.
 */
@Path("profile")
@Produces(MediaType.TEXT_HTML)
public class ProfilePages {

    private static final Role[] REVIEWERS = {Role.REVIEWER};
    private static final String SECTION = "profile";
    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED;

    private SignedIn signedIn;
    private Pages pages;
    private ReviewerService reviewers;
    private ReviewService reviews;
    private OrganisationService organisations;

    protected ProfilePages() {}

    @Inject
    public ProfilePages(
            SignedIn signedIn,
            Pages pages,
            ReviewerService reviewers,
            ReviewService reviews,
            OrganisationService organisations) {
        this.signedIn = signedIn;
        this.pages = pages;
        this.reviewers = reviewers;
        this.reviews = reviews;
        this.organisations = organisations;
    }

    // --- the profile

    @GET
    public Response profile(@QueryParam("done") String done) {
        Caller c = signedIn.withAnyRole(REVIEWERS);
        ProfileViews.Profile view = reviewers
                .own(c)
                .map(r -> ProfileViews.of(
                        r,
                        reviewers.interestsShownTo(c, r),
                        reviewers.qualifiedToday(r),
                        reviewers.qualifiedUntil(r).orElse(null),
                        reviewers.today(),
                        this::organisationName,
                        appointments(c, r),
                        done))
                .orElse(null);
        return Pages.page(
                "pages/profile/profile.jte",
                pages.chrome("Your profile", SECTION),
                view == null ? Map.of() : Map.of("profile", view));
    }

    /**
     * The reviewer's current appointments: the reviews {@code GET /api/v1/reviews} lists for them, and in each the
     * appointments that name their entry, as {@link ReviewViews} shows them to the reviewer.
     */
    private List<ProfileViews.Appointment> appointments(Caller c, Reviewer r) {
        List<ProfileViews.Appointment> out = new ArrayList<>();
        int page = 0;
        while (true) {
            var found = reviews.list(c, null, null, null, Paging.parse(Integer.toString(page), "100"));
            for (ReviewService.Seen seen : found.items()) {
                ReviewViews.ReviewView v = ReviewViews.of(seen, List.of());
                v.appointments().stream()
                        .filter(a -> r.id().equals(a.reviewerId()) && a.endedAt() == null)
                        .forEach(a -> out.add(new ProfileViews.Appointment(
                                v.id(),
                                v.reference(),
                                v.pseudonym(),
                                v.type(),
                                v.status(),
                                a.role(),
                                Instant.parse(a.appointedAt())
                                        .atZone(java.time.ZoneId.of("Europe/London"))
                                        .toLocalDate())));
            }
            if ((long) (page + 1) * 100 >= found.total()) {
                return out;
            }
            page++;
        }
    }

    private String organisationName(String id) {
        return id == null
                ? null
                : organisations.find(id).map(Organisation::name).orElse("An organisation no longer listed");
    }

    // --- changing the profile's details (PUT /api/v1/reviewers/{id})

    /** The edit form as typed; {@code available} is "yes", "no" or empty. */
    public record EditForm(
            String displayName,
            String summary,
            List<String> expertise,
            List<String> skills,
            List<String> regions,
            String available,
            FormErrors errors) {}

    @GET
    @Path("edit")
    public Response editForm() {
        Caller c = signedIn.withAnyRole(REVIEWERS);
        Reviewer r = ownOrNotFound(c);
        return editPage(
                200,
                new EditForm(
                        r.displayName(),
                        r.summary() == null ? "" : r.summary(),
                        names(r.expertise()),
                        names(r.skills()),
                        names(r.regions()),
                        r.available() ? "yes" : "no",
                        FormErrors.none()));
    }

    @POST
    @Path("edit")
    @Consumes(FORM)
    public Response edit(
            @FormParam("displayName") String displayName,
            @FormParam("summary") String summary,
            @FormParam("expertise") List<String> expertise,
            @FormParam("skills") List<String> skills,
            @FormParam("regions") List<String> regions,
            @FormParam("available") String available) {
        Caller c = signedIn.withAnyRole(REVIEWERS);
        Reviewer r = ownOrNotFound(c);
        EditForm typed = new EditForm(
                text(displayName), text(summary), list(expertise), list(skills), list(regions), text(available), null);
        FormErrors errors = FormErrors.none();
        if (!"yes".equals(typed.available()) && !"no".equals(typed.available())) {
            errors = errors.with("available", "Select yes if boards may ask you to lead or join a review");
        }
        if (errors.isEmpty()) {
            try {
                reviewers.update(
                        c,
                        r.id(),
                        new Reviewer.Profile(
                                typed.displayName(),
                                typed.summary(),
                                Enums.parseAll(ExpertiseArea.class, typed.expertise(), "expertise"),
                                Enums.parseAll(Skill.class, typed.skills(), "skills"),
                                Enums.parseAll(Region.class, typed.regions(), "regions"),
                                "yes".equals(typed.available())));
                return Pages.seeOther("/profile?done=profile");
            } catch (InvalidValueException e) {
                errors = errors.with(e.field(), domainMessage(e, EDIT_LABELS));
            }
        }
        return editPage(
                400,
                new EditForm(
                        typed.displayName(),
                        typed.summary(),
                        typed.expertise(),
                        typed.skills(),
                        typed.regions(),
                        typed.available(),
                        errors));
    }

    private static final Map<String, String> EDIT_LABELS = Map.of(
            "displayName", "Your name",
            "summary", "Summary",
            "expertise", "Areas of expertise",
            "skills", "Skills",
            "regions", "Regions",
            "available", "Availability");

    private Response editPage(int status, EditForm form) {
        return Pages.page(
                status,
                "pages/profile/edit.jte",
                pages.chrome("Change your profile", SECTION)
                        .withError(!form.errors().isEmpty()),
                Map.of("form", form));
    }

    // --- adding evidence (POST /api/v1/reviewers/{id}/evidence)

    public record EvidenceForm(
            String type, String title, String issuer, DateAnswer date, DateAnswer expires, FormErrors errors) {}

    @GET
    @Path("evidence/new")
    public Response evidenceForm() {
        Caller c = signedIn.withAnyRole(REVIEWERS);
        ownOrNotFound(c);
        return evidencePage(
                200, new EvidenceForm("", "", "", DateAnswer.empty(), DateAnswer.empty(), FormErrors.none()));
    }

    @POST
    @Path("evidence/new")
    @Consumes(FORM)
    public Response addEvidence(
            @FormParam("type") String type,
            @FormParam("title") String title,
            @FormParam("issuer") String issuer,
            @FormParam("date-day") String day,
            @FormParam("date-month") String month,
            @FormParam("date-year") String year,
            @FormParam("expires-day") String expiresDay,
            @FormParam("expires-month") String expiresMonth,
            @FormParam("expires-year") String expiresYear) {
        Caller c = signedIn.withAnyRole(REVIEWERS);
        Reviewer r = ownOrNotFound(c);
        DateAnswer date = new DateAnswer(day, month, year);
        DateAnswer expires = new DateAnswer(expiresDay, expiresMonth, expiresYear);
        FormErrors errors = FormErrors.none();
        errors = realDate(errors, date, "date", EVIDENCE_LABELS.get("date"));
        errors = realDate(errors, expires, "expires", EVIDENCE_LABELS.get("expires"));
        if (errors.isEmpty()) {
            try {
                reviewers.addEvidence(
                        c,
                        r.id(),
                        new Evidence(
                                text(type).isEmpty() ? null : Enums.parse(EvidenceType.class, text(type), "type"),
                                title,
                                issuer,
                                date.date().orElse(null),
                                expires.date().orElse(null),
                                null,
                                reviewers.today()));
                return Pages.seeOther("/profile?done=evidence");
            } catch (InvalidValueException e) {
                errors = errors.with(fieldId(e.field()), domainMessage(e, EVIDENCE_LABELS));
            }
        }
        return evidencePage(400, new EvidenceForm(text(type), text(title), text(issuer), date, expires, errors));
    }

    private static final Map<String, String> EVIDENCE_LABELS = Map.of(
            "type", "Kind of evidence",
            "title", "Title",
            "issuer", "Who issued it",
            "date", "The date of the evidence",
            "expires", "The expiry date");

    private Response evidencePage(int status, EvidenceForm form) {
        return Pages.page(
                status,
                "pages/profile/evidence.jte",
                pages.chrome("Add evidence", SECTION).withError(!form.errors().isEmpty()),
                Map.of("form", form));
    }

    // --- declaring an interest (POST /api/v1/reviewers/{id}/interests)

    /** An organisation the form offers, by id and name. */
    public record Choice(String id, String name) {}

    public record InterestForm(String description, String organisationId, List<Choice> choices, FormErrors errors) {}

    @GET
    @Path("interests/new")
    public Response interestForm() {
        Caller c = signedIn.withAnyRole(REVIEWERS);
        Reviewer r = ownOrNotFound(c);
        return interestPage(200, new InterestForm("", "", choices(c, r), FormErrors.none()));
    }

    @POST
    @Path("interests/new")
    @Consumes(FORM)
    public Response declareInterest(
            @FormParam("description") String description, @FormParam("organisationId") String organisationId) {
        Caller c = signedIn.withAnyRole(REVIEWERS);
        Reviewer r = ownOrNotFound(c);
        FormErrors errors = FormErrors.none();
        try {
            reviewers.declareInterest(
                    c, r.id(), new DeclaredInterest(description, blankToNull(organisationId), null, Instant.now()));
            return Pages.seeOther("/profile?done=interest");
        } catch (InvalidValueException e) {
            errors = errors.with(e.field(), domainMessage(e, INTEREST_LABELS));
        }
        return interestPage(400, new InterestForm(text(description), text(organisationId), choices(c, r), errors));
    }

    private static final Map<String, String> INTEREST_LABELS = Map.of(
            "description", "The description",
            "organisationId", "The organisation");

    private Response interestPage(int status, InterestForm form) {
        return Pages.page(
                status,
                "pages/profile/interest.jte",
                pages.chrome("Declare an interest", SECTION)
                        .withError(!form.errors().isEmpty()),
                Map.of("form", form));
    }

    // --- declaring a tie to an organisation (POST /api/v1/reviewers/{id}/affiliations)

    public record AffiliationForm(
            String organisationId,
            String kind,
            String role,
            DateAnswer from,
            DateAnswer to,
            List<Choice> choices,
            FormErrors errors) {}

    @GET
    @Path("affiliations/new")
    public Response affiliationForm() {
        Caller c = signedIn.withAnyRole(REVIEWERS);
        Reviewer r = ownOrNotFound(c);
        return affiliationPage(
                200,
                new AffiliationForm(
                        "", "", "", DateAnswer.empty(), DateAnswer.empty(), choices(c, r), FormErrors.none()));
    }

    @POST
    @Path("affiliations/new")
    @Consumes(FORM)
    public Response addAffiliation(
            @FormParam("organisationId") String organisationId,
            @FormParam("kind") String kind,
            @FormParam("role") String role,
            @FormParam("from-day") String fromDay,
            @FormParam("from-month") String fromMonth,
            @FormParam("from-year") String fromYear,
            @FormParam("to-day") String toDay,
            @FormParam("to-month") String toMonth,
            @FormParam("to-year") String toYear) {
        Caller c = signedIn.withAnyRole(REVIEWERS);
        Reviewer r = ownOrNotFound(c);
        DateAnswer from = new DateAnswer(fromDay, fromMonth, fromYear);
        DateAnswer to = new DateAnswer(toDay, toMonth, toYear);
        FormErrors errors = FormErrors.none();
        errors = realDate(errors, from, "from", AFFILIATION_LABELS.get("from"));
        errors = realDate(errors, to, "to", AFFILIATION_LABELS.get("to"));
        if (errors.isEmpty()) {
            try {
                reviewers.addAffiliation(
                        c,
                        r.id(),
                        new Affiliation(
                                blankToNull(organisationId),
                                text(kind).isEmpty() ? null : Enums.parse(AffiliationKind.class, text(kind), "kind"),
                                role,
                                from.date().orElse(null),
                                to.date().orElse(null)));
                return Pages.seeOther("/profile?done=affiliation");
            } catch (InvalidValueException e) {
                errors = errors.with(fieldId(e.field()), domainMessage(e, AFFILIATION_LABELS));
            }
        }
        return affiliationPage(
                400,
                new AffiliationForm(text(organisationId), text(kind), text(role), from, to, choices(c, r), errors));
    }

    private static final Map<String, String> AFFILIATION_LABELS = Map.of(
            "organisationId", "The organisation",
            "kind", "Kind of tie",
            "role", "Your role",
            "from", "The start date",
            "to", "The end date");

    private Response affiliationPage(int status, AffiliationForm form) {
        return Pages.page(
                status,
                "pages/profile/affiliation.jte",
                pages.chrome("Declare a tie to an organisation", SECTION)
                        .withError(!form.errors().isEmpty()),
                Map.of("form", form));
    }

    /**
     * The organisations the reviewer may name: those of the reviews they take part in (as {@code GET
     * /api/v1/reviews} shows them: the lead and cooperating boards and the organisations involved) and those
     * already on their entry. The whole directory ({@code GET /api/v1/organisations}) is for officers and
     * administrators only, so a reviewer is not shown it here either.
     */
    private List<Choice> choices(Caller c, Reviewer r) {
        Set<String> ids = new LinkedHashSet<>();
        r.affiliations().forEach(a -> ids.add(a.organisationId()));
        r.interests().forEach(i -> {
            if (i.organisationId() != null) {
                ids.add(i.organisationId());
            }
        });
        int page = 0;
        while (true) {
            var found = reviews.list(c, null, null, null, Paging.parse(Integer.toString(page), "100"));
            for (ReviewService.Seen seen : found.items()) {
                ids.add(seen.review().leadLscbId());
                ids.addAll(seen.review().cooperatingBoards());
                ids.addAll(seen.review().organisationIds());
            }
            if ((long) (page + 1) * 100 >= found.total()) {
                break;
            }
            page++;
        }
        Map<String, Choice> byId = new LinkedHashMap<>();
        for (String id : ids) {
            organisations.find(id).ifPresent(o -> byId.put(id, new Choice(id, o.name())));
        }
        return byId.values().stream()
                .sorted(Comparator.comparing(Choice::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    // --- shared

    private Reviewer ownOrNotFound(Caller c) {
        return reviewers.own(c).orElseThrow(NotFoundException::new);
    }

    /** An error for a typed date that is not a real one; a blank one is the domain's to judge. */
    private static FormErrors realDate(FormErrors errors, DateAnswer typed, String field, String label) {
        String problem = typed.problemIfGiven(label);
        return problem == null ? errors : errors.with(field + "-day", problem);
    }

    /** The form field a domain field is shown at: a date's first box, or the field of the same name. */
    private static String fieldId(String domainField) {
        return switch (domainField) {
            case "date", "expires", "from", "to" -> domainField + "-day";
            default -> domainField;
        };
    }

    /** The domain's own message ("must not be empty"), after the field's name in words. */
    static String domainMessage(InvalidValueException e, Map<String, String> labels) {
        return FormErrors.refusal(labels.getOrDefault(e.field(), e.field()), e);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static List<String> list(List<String> values) {
        return values == null
                ? List.of()
                : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    private static List<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toList();
    }
}
