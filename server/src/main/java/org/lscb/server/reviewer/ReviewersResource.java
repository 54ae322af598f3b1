package org.lscb.server.reviewer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.registry.reviewer.Affiliation;
import org.lscb.registry.reviewer.AffiliationKind;
import org.lscb.registry.reviewer.DeclaredInterest;
import org.lscb.registry.reviewer.Evidence;
import org.lscb.registry.reviewer.EvidenceType;
import org.lscb.registry.reviewer.ExpertiseArea;
import org.lscb.registry.reviewer.Region;
import org.lscb.registry.reviewer.Reviewer;
import org.lscb.registry.reviewer.Skill;
import org.lscb.registry.search.ReviewerHits;
import org.lscb.registry.search.ReviewerIndex;
import org.lscb.server.auth.CallerResolver;
import org.lscb.server.http.PublicLocations;
import org.lscb.server.json.Dates;
import org.lscb.server.json.Enums;
import org.lscb.server.json.Paging;

/**
 * The reviewer register (docs/api.md "Reviewer registry"). One instance serves every request: it holds only
 * application-scoped services and the request-scoped {@link CallerResolver}'s proxy, and Jersey would otherwise
 * build and inject a new instance for each request, which cost about as much as the search itself
 * (docs/benchmarks.md, "Reviewer search").
 */
@ApplicationScoped
@Path("reviewers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewersResource {

    private static final String OFFICERS = "LSCB_OFFICER";

    private ReviewerService reviewers;
    private CallerResolver callers;
    private PublicLocations locations;

    protected ReviewersResource() {}

    @Inject
    public ReviewersResource(ReviewerService reviewers, CallerResolver callers, PublicLocations locations) {
        this.reviewers = reviewers;
        this.callers = callers;
        this.locations = locations;
    }

    public record ProfileBody(
            String displayName,
            String summary,
            List<String> expertise,
            List<String> skills,
            List<String> regions,
            Boolean available) {
        Reviewer.Profile toProfile() {
            return new Reviewer.Profile(
                    displayName,
                    summary,
                    Enums.parseAll(ExpertiseArea.class, expertise, "expertise"),
                    Enums.parseAll(Skill.class, skills, "skills"),
                    Enums.parseAll(Region.class, regions, "regions"),
                    available == null || available);
        }
    }

    /** Evidence; a withdrawn verification shows who withdrew it, when, and (in {@code note}) why. */
    public record EvidenceBody(
            String id,
            String type,
            String title,
            String issuer,
            String date,
            String expires,
            String documentId,
            boolean verified,
            String verifiedBy,
            String verifiedAt,
            String note,
            String withdrawnBy,
            String withdrawnAt) {}

    public record VerificationBody(Boolean verified, String note) {}

    public record AffiliationBody(String id, String organisationId, String kind, String role, String from, String to) {}

    public record InterestBody(String id, String description, String organisationId, String reviewId) {}

    public record ReviewerView(
            String id,
            String accountId,
            String displayName,
            String summary,
            List<String> expertise,
            List<String> skills,
            List<String> regions,
            boolean available,
            boolean qualified,
            String qualifiedUntil,
            List<EvidenceBody> evidence,
            List<AffiliationBody> affiliations,
            List<InterestBody> interests) {}

    public record HitView(String id, String displayName, float score, boolean qualified, List<String> highlights) {}

    public record SearchAnswer(long total, List<HitView> hits, Map<String, Map<String, Long>> facets) {}

    @POST
    @RolesAllowed({"ADMIN", OFFICERS, "REVIEWER"})
    public Response create(ProfileBody body) {
        Reviewer r = reviewers.create(callers.caller(), required(body).toProfile());
        return Response.created(locations.of("reviewers", r.id()))
                .entity(view(r))
                .build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"ADMIN", OFFICERS, "REVIEWER"})
    public ReviewerView get(@PathParam("id") String id) {
        return view(reviewers.get(callers.caller(), id));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({"ADMIN", OFFICERS, "REVIEWER"})
    public ReviewerView update(@PathParam("id") String id, ProfileBody body) {
        return view(reviewers.update(callers.caller(), id, required(body).toProfile()));
    }

    @POST
    @Path("{id}/evidence")
    @RolesAllowed({"ADMIN", OFFICERS, "REVIEWER"})
    public Response addEvidence(@PathParam("id") String id, EvidenceBody body) {
        required(body);
        Evidence e = reviewers.addEvidence(
                callers.caller(),
                id,
                new Evidence(
                        Enums.parse(EvidenceType.class, body.type(), "type"),
                        body.title(),
                        body.issuer(),
                        Dates.required(body.date(), "date"),
                        Dates.optional(body.expires(), "expires"),
                        body.documentId(),
                        reviewers.today()));
        return Response.created(locations.of("reviewers", id, "evidence", e.id()))
                .entity(evidence(e))
                .build();
    }

    @POST
    @Path("{id}/evidence/{eid}/verification")
    @RolesAllowed(OFFICERS)
    public ReviewerView verify(@PathParam("id") String id, @PathParam("eid") String evidenceId, VerificationBody body) {
        required(body);
        if (body.verified() == null) {
            throw new InvalidValueException("verified", "is required: true to verify, false to withdraw");
        }
        return view(reviewers.verifyEvidence(callers.caller(), id, evidenceId, body.verified(), body.note()));
    }

    @POST
    @Path("{id}/affiliations")
    @RolesAllowed({"ADMIN", OFFICERS, "REVIEWER"})
    public Response addAffiliation(@PathParam("id") String id, AffiliationBody body) {
        required(body);
        Reviewer r = reviewers.addAffiliation(
                callers.caller(),
                id,
                new Affiliation(
                        body.organisationId(),
                        Enums.parse(AffiliationKind.class, body.kind(), "kind"),
                        body.role(),
                        Dates.required(body.from(), "from"),
                        Dates.optional(body.to(), "to")));
        return Response.status(201).entity(view(r)).build();
    }

    @POST
    @Path("{id}/interests")
    @RolesAllowed({"ADMIN", OFFICERS, "REVIEWER"})
    public Response declareInterest(@PathParam("id") String id, InterestBody body) {
        required(body);
        Reviewer r = reviewers.declareInterest(
                callers.caller(),
                id,
                new DeclaredInterest(
                        body.description(), body.organisationId(), body.reviewId(), java.time.Instant.now()));
        return Response.status(201).entity(view(r)).build();
    }

    @GET
    @RolesAllowed({"ADMIN", OFFICERS})
    public SearchAnswer search(
            @QueryParam("q") String q,
            @QueryParam("expertise") List<String> expertise,
            @QueryParam("region") List<String> region,
            @QueryParam("evidence") List<String> evidence,
            @QueryParam("qualified") String qualified,
            @QueryParam("available") String available,
            @QueryParam("independentOf") List<String> independentOf,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Paging paging = Paging.parse(page, size);
        if ((long) (paging.page() + 1) * paging.size() > ReviewerIndex.MAX_WINDOW) {
            throw new InvalidValueException(
                    "page", "goes beyond the first " + ReviewerIndex.MAX_WINDOW + " hits; narrow the search");
        }
        if (q != null && q.length() > 50_000) {
            throw new InvalidValueException("q", "must be at most 50000 characters");
        }
        ReviewerHits hits = reviewers.search(reviewers.query(
                q,
                Enums.parseAll(ExpertiseArea.class, expertise, "expertise"),
                Enums.parseAll(Region.class, region, "region"),
                Enums.parseAll(EvidenceType.class, evidence, "evidence"),
                bool(qualified, "qualified"),
                bool(available, "available"),
                ids(independentOf),
                paging.page(),
                paging.size()));
        return new SearchAnswer(
                hits.total(),
                hits.hits().stream()
                        .map(h -> new HitView(h.id(), h.displayName(), h.score(), h.qualified(), h.highlights()))
                        .toList(),
                hits.facets());
    }

    private ReviewerView view(Reviewer r) {
        return new ReviewerView(
                r.id(),
                r.accountId(),
                r.displayName(),
                r.summary(),
                names(r.expertise()),
                names(r.skills()),
                names(r.regions()),
                r.available(),
                reviewers.qualifiedToday(r),
                reviewers
                        .qualifiedUntil(r)
                        .filter(d -> !d.equals(LocalDate.MAX))
                        .map(LocalDate::toString)
                        .orElse(null),
                r.evidence().stream().map(ReviewersResource::evidence).toList(),
                r.affiliations().stream()
                        .map(a -> new AffiliationBody(
                                a.id(),
                                a.organisationId(),
                                a.kind().name(),
                                a.role(),
                                a.from().toString(),
                                a.to().map(LocalDate::toString).orElse(null)))
                        .toList(),
                reviewers.interestsShownTo(callers.caller(), r).stream()
                        .map(i -> new InterestBody(i.id(), i.description(), i.organisationId(), i.reviewId()))
                        .toList());
    }

    private static EvidenceBody evidence(Evidence e) {
        return new EvidenceBody(
                e.id(),
                e.type().name(),
                e.title(),
                e.issuer(),
                e.date().toString(),
                e.expires() == null ? null : e.expires().toString(),
                e.documentId(),
                e.verified(),
                e.verifiedBy(),
                e.verifiedAt() == null ? null : e.verifiedAt().toString(),
                e.verificationNote(),
                e.withdrawnBy(),
                e.withdrawnAt() == null ? null : e.withdrawnAt().toString());
    }

    private static List<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toList();
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw new InvalidValueException("body", "a JSON object is required");
        }
        return body;
    }

    private static Boolean bool(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidValueException(field, "must be true or false");
        };
    }

    private static Set<String> ids(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        if (values != null) {
            for (String v : values) {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.strip());
                    }
                }
            }
        }
        if (out.size() > 50) {
            throw new InvalidValueException("independentOf", "at most 50 organisations");
        }
        return out;
    }
}
