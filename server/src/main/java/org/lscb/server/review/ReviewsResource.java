package org.lscb.server.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.reviews.Appointment;
import org.lscb.reviews.AppointmentRole;
import org.lscb.reviews.ChildDeath;
import org.lscb.reviews.ClockKind;
import org.lscb.reviews.InterAgencyConcern;
import org.lscb.reviews.KeyDates;
import org.lscb.reviews.ReviewStatus;
import org.lscb.reviews.ReviewType;
import org.lscb.reviews.ScrCriteria;
import org.lscb.reviews.ScrDecisionKind;
import org.lscb.reviews.ScrFacts;
import org.lscb.reviews.clock.ClockStatus;
import org.lscb.server.auth.CallerResolver;
import org.lscb.server.http.PublicLocations;
import org.lscb.server.json.Dates;
import org.lscb.server.json.Enums;
import org.lscb.server.json.Page;
import org.lscb.server.json.Paging;
import org.lscb.server.json.RejectUnknownFields;
import org.lscb.server.review.ReviewViews.IndependenceView;
import org.lscb.server.review.ReviewViews.PanelCheckView;
import org.lscb.server.review.ReviewViews.ReviewView;

/**
 * Reviews (docs/api.md "Reviews"). Every signed-in role may ask; what each caller sees and may do is the
 * review access policy's answer ({@link org.lscb.reviews.ReviewAccess}), so a caller with
 * no relation to a review gets 404 whatever their role.
 */
@Path("reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewsResource {

    private static final String OFFICER = "LSCB_OFFICER";
    /** The board's Chair decides what its officers prepare [7, 18]. */
    private static final String CHAIR = "LSCB_CHAIR";

    private ReviewService reviews;
    private ReviewAppointments appointments;
    private CallerResolver callers;
    private PublicLocations locations;

    protected ReviewsResource() {}

    @Inject
    public ReviewsResource(
            ReviewService reviews, ReviewAppointments appointments, CallerResolver callers, PublicLocations locations) {
        this.reviews = reviews;
        this.appointments = appointments;
        this.callers = callers;
        this.locations = locations;
    }

    @RejectUnknownFields
    public record DatesBody(
            String incident, String death, String notification, String registration, String initiated) {}

    @RejectUnknownFields
    public record ChildDeathBody(
            Integer ageAtDeathYears,
            Boolean stillbirth,
            Boolean lawfulTermination,
            Boolean unexpected,
            Boolean atHome,
            Boolean abroad,
            Boolean inCustody,
            Integer ageAtDeathDays) {}

    /** No field for a name, a date of birth or an address: an unknown field is refused, not dropped. */
    @RejectUnknownFields
    public record OpeningBody(
            String type,
            String reference,
            String pseudonym,
            String leadLscbId,
            String residenceLscbId,
            String lookedAfterByLscbId,
            List<String> cooperatingLscbIds,
            List<String> organisationIds,
            DatesBody dates,
            ChildDeathBody childDeath) {}

    @RejectUnknownFields
    public record FactsBody(
            Boolean abuseOrNeglectKnownOrSuspected,
            Boolean childDied,
            Boolean seriouslyHarmed,
            String interAgencyConcern,
            Boolean diedInCustody) {}

    @RejectUnknownFields
    public record DecisionBody(FactsBody facts, String decision, String reason, String decidedOn) {}

    public record DecisionAnswer(boolean criteriaMet, List<String> because, ReviewView review) {}

    @RejectUnknownFields
    public record OverrideBody(String reason) {}

    @RejectUnknownFields
    public record AppointmentBody(String reviewerId, String accountId, String role, OverrideBody override) {}

    @RejectUnknownFields
    public record ClockBody(String action, String on, String reason) {}

    @RejectUnknownFields
    public record OrganisationsBody(List<String> organisationIds) {}

    public record ReviewList(long total, List<ReviewView> reviews) {}

    @POST
    @RolesAllowed(OFFICER)
    public Response open(OpeningBody body) {
        required(body, "body");
        DatesBody d = required(body.dates(), "dates");
        ReviewType type = Enums.parse(ReviewType.class, required(body.type(), "type"), "type");
        ChildDeath death = body.childDeath() == null ? null : childDeath(body.childDeath());
        KeyDates dates = new KeyDates(
                Dates.optional(d.incident(), "dates.incident"),
                Dates.optional(d.death(), "dates.death"),
                Dates.optional(d.notification(), "dates.notification"),
                Dates.optional(d.registration(), "dates.registration"),
                Dates.optional(d.initiated(), "dates.initiated"),
                reviews.today());
        ReviewService.Seen seen = reviews.open(
                callers.caller(),
                new ReviewService.OpeningRequest(
                        type,
                        body.reference(),
                        body.pseudonym(),
                        body.leadLscbId(),
                        body.residenceLscbId(),
                        body.lookedAfterByLscbId(),
                        ids(body.cooperatingLscbIds(), "cooperatingLscbIds"),
                        ids(required(body.organisationIds(), "organisationIds"), "organisationIds"),
                        dates,
                        death));
        return Response.created(locations.of("reviews", seen.review().id()))
                .entity(view(seen))
                .build();
    }

    private static ChildDeath childDeath(ChildDeathBody b) {
        return new ChildDeath(
                        b.ageAtDeathYears(),
                        yes(b.stillbirth()),
                        yes(b.lawfulTermination()),
                        ChildDeath.unexpectedUnlessSaid(b.unexpected()),
                        yes(b.atHome()),
                        yes(b.abroad()),
                        yes(b.inCustody()))
                .withAgeInDays(b.ageAtDeathDays());
    }

    @GET
    @RolesAllowed({"ADMIN", OFFICER, "AGENCY_USER", "REVIEWER", "PAEDIATRICIAN", "CORONER", "CDOP_MEMBER", "LSCB_CHAIR"
    })
    public ReviewList list(
            @QueryParam("status") String status,
            @QueryParam("type") String type,
            @QueryParam("clock") String clock,
            @QueryParam("scrReferralPrompted") String scrReferralPrompted,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        ClockStatus clockStatus =
                clock == null || clock.isBlank() ? null : Enums.parse(ClockStatus.class, clock, "clock");
        Page<ReviewService.Seen> found = reviews.list(
                callers.caller(),
                status == null || status.isBlank() ? null : Enums.parse(ReviewStatus.class, status, "status"),
                type == null || type.isBlank() ? null : Enums.parse(ReviewType.class, type, "type"),
                clockStatus,
                flag(scrReferralPrompted, "scrReferralPrompted"),
                Paging.parse(page, size));
        return new ReviewList(
                found.total(), found.items().stream().map(this::view).toList());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"ADMIN", OFFICER, "AGENCY_USER", "REVIEWER", "PAEDIATRICIAN", "CORONER", "CDOP_MEMBER", "LSCB_CHAIR"
    })
    public ReviewView get(@PathParam("id") String id) {
        return view(reviews.get(callers.caller(), id));
    }

    @POST
    @Path("{id}/scr-decision")
    @RolesAllowed(CHAIR)
    public DecisionAnswer decide(@PathParam("id") String id, DecisionBody body) {
        required(body, "body");
        FactsBody f = required(body.facts(), "facts");
        ScrFacts facts = new ScrFacts(
                f.abuseOrNeglectKnownOrSuspected(),
                f.childDied(),
                f.seriouslyHarmed(),
                f.interAgencyConcern() == null
                        ? null
                        : Enums.parse(InterAgencyConcern.class, f.interAgencyConcern(), "facts.interAgencyConcern"),
                f.diedInCustody());
        ScrCriteria.Assessment a = reviews.decide(
                callers.caller(),
                id,
                facts,
                Enums.parse(ScrDecisionKind.class, required(body.decision(), "decision"), "decision"),
                body.reason(),
                Dates.optional(body.decidedOn(), "decidedOn"));
        return new DecisionAnswer(a.met(), a.because(), view(reviews.get(callers.caller(), id)));
    }

    @GET
    @Path("{id}/independence/{reviewerId}")
    @RolesAllowed({OFFICER, CHAIR})
    public IndependenceView independence(@PathParam("id") String id, @PathParam("reviewerId") String reviewerId) {
        return ReviewViews.independence(appointments.independence(callers.caller(), id, reviewerId));
    }

    /** An officer appoints; an appointment with an {@code override} (a conflicted lead) is the Chair's. */
    @POST
    @Path("{id}/appointments")
    @RolesAllowed({OFFICER, CHAIR})
    public Response appoint(@PathParam("id") String id, AppointmentBody body) {
        required(body, "body");
        AppointmentRole role = Enums.parse(AppointmentRole.class, required(body.role(), "role"), "role");
        if ((body.reviewerId() == null) == (body.accountId() == null)) {
            throw new InvalidValueException(
                    "reviewerId",
                    "give exactly one of reviewerId (lead reviewer, panel member) or accountId"
                            + " (paediatrician, coroner)");
        }
        if (body.override() != null
                && (body.override().reason() == null || body.override().reason().isBlank())) {
            throw new InvalidValueException("override.reason", "an override needs the Chair's written reason");
        }
        Appointment a = appointments.appoint(
                callers.caller(),
                id,
                role,
                body.reviewerId(),
                body.accountId(),
                body.override() == null ? null : body.override().reason());
        return Response.created(locations.of("reviews", id, "appointments", a.id()))
                .entity(ReviewViews.appointment(a))
                .build();
    }

    @DELETE
    @Path("{id}/appointments/{aid}")
    @RolesAllowed(OFFICER)
    public ReviewViews.AppointmentView endAppointment(
            @PathParam("id") String id, @PathParam("aid") String appointmentId) {
        return ReviewViews.appointment(appointments.endAppointment(callers.caller(), id, appointmentId));
    }

    @GET
    @Path("{id}/panel-check")
    @RolesAllowed({OFFICER, CHAIR})
    public PanelCheckView panelCheck(@PathParam("id") String id) {
        return ReviewViews.panel(appointments.panelCheck(callers.caller(), id));
    }

    /** Pause (with a reason, such as court proceedings), resume or meet a clock: {@code {"action":"PAUSE|RESUME|MET","on"?,"reason"?}}. */
    @POST
    @Path("{id}/clocks/{clock}")
    @RolesAllowed(OFFICER)
    public ReviewView moveClock(@PathParam("id") String id, @PathParam("clock") String clock, ClockBody body) {
        required(body, "body");
        ClockKind kind = Enums.parse(ClockKind.class, clock, "clock");
        ReviewService.ClockMove move =
                Enums.parse(ReviewService.ClockMove.class, required(body.action(), "action"), "action");
        return view(
                reviews.moveClock(callers.caller(), id, kind, move, Dates.optional(body.on(), "on"), body.reason()));
    }

    /** Replaces the organisations whose actions are reviewed; live lead appointments are re-checked. */
    @PUT
    @Path("{id}/organisations")
    @RolesAllowed(OFFICER)
    public ReviewView changeOrganisations(@PathParam("id") String id, OrganisationsBody body) {
        required(body, "body");
        return view(reviews.changeOrganisations(
                callers.caller(), id, ids(required(body.organisationIds(), "organisationIds"), "organisationIds")));
    }

    private ReviewView view(ReviewService.Seen seen) {
        return ReviewViews.of(seen, reviews.clocks(seen.review()));
    }

    private static Set<String> ids(List<String> values, String field) {
        Set<String> out = new LinkedHashSet<>();
        if (values != null && values.size() > org.lscb.reviews.Review.MAX_ORGANISATIONS) {
            throw new InvalidValueException(
                    field, "must name at most " + org.lscb.reviews.Review.MAX_ORGANISATIONS + " organisations");
        }
        if (values != null) {
            for (String v : values) {
                if (v == null || v.isBlank()) {
                    throw new InvalidValueException(field, "must not hold empty ids");
                }
                out.add(v.strip());
            }
        }
        return out;
    }

    /** {@code true} filters; absent or {@code false} does not. */
    private static boolean flag(String text, String field) {
        if (text == null || text.isBlank() || text.equals("false")) {
            return false;
        }
        if (text.equals("true")) {
            return true;
        }
        throw new InvalidValueException(field, "must be true or false");
    }

    private static boolean yes(Boolean b) {
        return b != null && b;
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidValueException(field, "is required");
        }
        return value;
    }
}
