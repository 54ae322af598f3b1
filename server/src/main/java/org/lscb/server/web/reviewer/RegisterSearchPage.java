package org.lscb.server.web.reviewer;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.identity.account.Role;
import org.lscb.registry.reviewer.EvidenceType;
import org.lscb.registry.reviewer.ExpertiseArea;
import org.lscb.registry.reviewer.Region;
import org.lscb.registry.search.ReviewerHits;
import org.lscb.registry.search.ReviewerIndex;
import org.lscb.reviews.Review;
import org.lscb.server.auth.Caller;
import org.lscb.server.json.Enums;
import org.lscb.server.json.Paging;
import org.lscb.server.review.ReviewService;
import org.lscb.server.reviewer.ReviewerService;
import org.lscb.server.web.Pages;
import org.lscb.server.web.component.Checkboxes;
import org.lscb.server.web.component.Fieldset;
import org.lscb.server.web.component.Hint;
import org.lscb.server.web.component.Input;
import org.lscb.server.web.component.Label;
import org.lscb.server.web.component.Pagination;
import org.lscb.server.web.component.TextOrHtml;
import org.lscb.server.web.session.SignedIn;

/**
 * Finding a reviewer on the register: what {@code GET /api/v1/reviewers} answers (the same
 * {@link ReviewerService#search} call, with its typo-tolerant words, facet counts and highlights), as a GET
 * form that works without JavaScript. Opened from a review ({@code ?review=}), it offers "independent of
 * this review's organisations", which is the API's {@code independentOf=} with the review's organisations
 * (docs/domain.md "Independence"), and links each reviewer to their independence check for that review.
 */
@Path("reviewers")
@Produces(MediaType.TEXT_HTML)
public class RegisterSearchPage {

    static final int PAGE_SIZE = Paging.DEFAULT_SIZE;

    private SignedIn signedIn;
    private Pages pages;
    private ReviewerService reviewers;
    private ReviewService reviews;

    protected RegisterSearchPage() {}

    @Inject
    public RegisterSearchPage(SignedIn signedIn, Pages pages, ReviewerService reviewers, ReviewService reviews) {
        this.signedIn = signedIn;
        this.pages = pages;
        this.reviewers = reviewers;
        this.reviews = reviews;
    }

    /** The review the search is for: the officer came from its page to appoint someone. */
    public record ReviewFor(String id, String reference, String pseudonym) {}

    /** One reviewer found; {@code highlight} is the summary with the matched words marked. */
    public record Hit(String name, String href, boolean qualified, List<Highlights.Piece> highlight) {}

    public record SearchView(
            String q,
            ReviewFor review,
            boolean independent,
            long total,
            List<Hit> hits,
            List<Checkboxes> filters,
            String previous,
            String next,
            int page,
            int pages) {

        /** Previous and next pages of the results, or null when they fit on one. */
        public Pagination pagination() {
            if (previous == null && next == null) {
                return null;
            }
            return Pagination.of(
                    previous == null ? null : Pagination.Link.to(previous),
                    List.of(),
                    next == null ? null : Pagination.Link.to(next));
        }

        public Input searchBox() {
            return Input.text("q", Label.of("Words to search for"), q)
                    .withHint(Hint.of("A name, an area of expertise, training or anything in a reviewer's summary."
                            + " Names spelt slightly wrong are found too."))
                    .withClasses("govuk-!-width-full");
        }
    }

    @GET
    public Response search(
            @QueryParam("q") String q,
            @QueryParam("expertise") List<String> expertise,
            @QueryParam("region") List<String> region,
            @QueryParam("evidence") List<String> evidence,
            @QueryParam("qualified") String qualified,
            @QueryParam("available") String available,
            @QueryParam("review") String reviewId,
            @QueryParam("independent") String independent,
            @QueryParam("page") String page) {
        Caller c = signedIn.withAnyRole(Role.ADMIN, Role.LSCB_OFFICER);
        String words = q == null ? "" : q.strip();
        if (words.length() > 1000) {
            throw new InvalidValueException("q", "must be at most 1000 characters");
        }
        Paging paging = Paging.parse(page, Integer.toString(PAGE_SIZE));
        if ((long) (paging.page() + 1) * paging.size() > ReviewerIndex.MAX_WINDOW) {
            throw new InvalidValueException(
                    "page", "goes beyond the first " + ReviewerIndex.MAX_WINDOW + " hits; narrow the search");
        }
        Set<ExpertiseArea> areas = Enums.parseAll(ExpertiseArea.class, expertise, "expertise");
        Set<Region> regions = Enums.parseAll(Region.class, region, "region");
        Set<EvidenceType> types = Enums.parseAll(EvidenceType.class, evidence, "evidence");
        boolean onlyQualified = "true".equals(qualified);
        boolean onlyAvailable = "true".equals(available);
        Review review = reviewId == null || reviewId.isBlank()
                ? null
                : reviews.get(c, reviewId.strip()).review();
        boolean onlyIndependent = review != null && "true".equals(independent);

        ReviewerHits found = reviewers.search(reviewers.query(
                words,
                areas,
                regions,
                types,
                onlyQualified ? Boolean.TRUE : null,
                onlyAvailable ? Boolean.TRUE : null,
                onlyIndependent ? review.organisationIds() : Set.of(),
                paging.page(),
                paging.size()));

        ReviewFor reviewFor =
                review == null ? null : new ReviewFor(review.id(), review.reference(), review.pseudonym());
        String forReview = review == null ? "" : "?review=" + Pages.encode(review.id());
        List<Hit> hits = found.hits().stream()
                .map(h -> new Hit(
                        h.displayName(),
                        "/reviewers/" + Pages.encode(h.id()) + forReview,
                        h.qualified(),
                        h.highlights().isEmpty()
                                ? List.of()
                                : Highlights.pieces(h.highlights().get(0))))
                .toList();

        List<Checkboxes> filters = new ArrayList<>();
        if (review != null) {
            filters.add(single(
                    "independent",
                    "Independence",
                    "Independent of this review's organisations",
                    null,
                    onlyIndependent,
                    "No tie to any organisation whose actions the review looks at, now or within the look-back"
                            + " period [11]"));
        }
        Map<String, Map<String, Long>> facets = found.facets();
        filters.add(facet("expertise", "Expertise", ExpertiseArea.values(), facets, names(areas)));
        filters.add(facet("region", "Region", Region.values(), facets, names(regions)));
        filters.add(facet("evidence", "Evidence of qualification", EvidenceType.values(), facets, names(types)));
        filters.add(single(
                "qualified",
                "Qualification",
                "Qualified in systems methodology",
                count(facets, "qualified", "true"),
                onlyQualified,
                "Verified, current evidence [15]"));
        filters.add(single(
                "available",
                "Availability",
                "Available for new reviews",
                count(facets, "available", "true"),
                onlyAvailable,
                null));

        int pageCount =
                (int) Math.min((found.total() + PAGE_SIZE - 1) / PAGE_SIZE, ReviewerIndex.MAX_WINDOW / PAGE_SIZE);
        String link = link(words, areas, regions, types, onlyQualified, onlyAvailable, review, onlyIndependent);
        String previous = paging.page() > 0 ? link + "&page=" + (paging.page() - 1) : null;
        String next = paging.page() + 1 < pageCount ? link + "&page=" + (paging.page() + 1) : null;

        SearchView view = new SearchView(
                words,
                reviewFor,
                onlyIndependent,
                found.total(),
                hits,
                filters,
                previous,
                next,
                paging.page() + 1,
                Math.max(pageCount, 1));
        return Pages.page(
                "pages/reviewer/search.jte", pages.chrome("Find a reviewer", "reviewers"), Map.of("view", view));
    }

    private static Checkboxes facet(
            String name, String legend, Enum<?>[] values, Map<String, Map<String, Long>> facets, List<String> chosen) {
        Map<String, Long> counts = facets.getOrDefault(name, Map.of());
        List<Checkboxes.Item> items = new ArrayList<>();
        for (Enum<?> v : values) {
            long n = counts.getOrDefault(v.name(), 0L);
            if (n > 0 || chosen.contains(v.name())) {
                items.add(Checkboxes.Item.of(v.name(), RegisterWords.code(v.name()) + " (" + n + ")"));
            }
        }
        return small(name, legend, items, chosen, items.isEmpty() ? Hint.of("None among these reviewers") : null);
    }

    private static Checkboxes single(
            String name, String legend, String text, Long count, boolean checked, String hint) {
        Checkboxes.Item item = Checkboxes.Item.of("true", text + (count == null ? "" : " (" + count + ")"));
        if (hint != null) {
            item = new Checkboxes.Item(
                    item.value(), item.text(), Hint.of(hint), null, false, null, null, null, null, null);
        }
        return small(name, legend, List.of(item), checked ? List.of("true") : List.of(), null);
    }

    /** A filter: small checkboxes under a small legend, as GOV.UK's filter pattern shows them. */
    private static Checkboxes small(
            String name, String legend, List<Checkboxes.Item> items, List<String> checked, Hint hint) {
        return new Checkboxes(
                name,
                null,
                items,
                checked,
                Fieldset.of(new Fieldset.Legend(TextOrHtml.text(legend), false, "govuk-fieldset__legend--s"), null),
                hint,
                null,
                null,
                "govuk-checkboxes--small",
                null);
    }

    private static Long count(Map<String, Map<String, Long>> facets, String dim, String value) {
        return facets.getOrDefault(dim, Map.of()).getOrDefault(value, 0L);
    }

    private static List<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }

    /** This search's address without its page, for the previous and next links. */
    private static String link(
            String q,
            Set<ExpertiseArea> areas,
            Set<Region> regions,
            Set<EvidenceType> types,
            boolean qualified,
            boolean available,
            Review review,
            boolean independent) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("q", List.of(q));
        params.put("expertise", names(areas));
        params.put("region", names(regions));
        params.put("evidence", names(types));
        params.put("qualified", qualified ? List.of("true") : List.of());
        params.put("available", available ? List.of("true") : List.of());
        params.put("review", review == null ? List.of() : List.of(review.id()));
        params.put("independent", independent ? List.of("true") : List.of());
        StringJoiner query = new StringJoiner("&", "/reviewers?", "");
        params.forEach((k, vs) -> vs.forEach(v -> query.add(k + "=" + Pages.encode(v))));
        return query.toString();
    }
}
