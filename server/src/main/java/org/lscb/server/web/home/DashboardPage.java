package org.lscb.server.web.home;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lscb.identity.account.Role;
import org.lscb.reviews.clock.ClockStatus;
import org.lscb.server.auth.Caller;
import org.lscb.server.json.Enums;
import org.lscb.server.json.Page;
import org.lscb.server.json.Paging;
import org.lscb.server.review.ReviewService;
import org.lscb.server.review.ReviewViews;
import org.lscb.server.review.ReviewViews.ClockView;
import org.lscb.server.review.ReviewViews.ReviewView;
import org.lscb.server.web.Pages;
import org.lscb.server.web.Templates;
import org.lscb.server.web.Words;
import org.lscb.server.web.component.Html;
import org.lscb.server.web.component.Table;
import org.lscb.server.web.component.Table.Cell;
import org.lscb.server.web.session.SignedIn;

/**
 * The first page after signing in: the reviews the person may see (what {@code GET /api/v1/reviews}
 * answers them, from the same service call), each with its next statutory clock and a tag when it is due
 * soon or overdue, filterable by clock state as {@code ?clock=} filters the API.
 */
@Path("")
@Produces(MediaType.TEXT_HTML)
public class DashboardPage {

    private static final Role[] ANY_ROLE = Role.values();

    private SignedIn signedIn;
    private Pages pages;
    private ReviewService reviews;

    protected DashboardPage() {}

    @Inject
    public DashboardPage(SignedIn signedIn, Pages pages, ReviewService reviews) {
        this.signedIn = signedIn;
        this.pages = pages;
        this.reviews = reviews;
    }

    /** One row of the dashboard: the review and its next clock still to be met, if any. */
    public record Row(ReviewView review, ClockView nextClock) {}

    public record Dashboard(List<Row> rows, long total, String clockFilter, boolean canOpenReviews) {

        /** The reviews as GOV.UK's table: the review (a link), its type, its status and its next clock. */
        public Table table() {
            String caption = total
                    + (total == 1 ? " review" : " reviews")
                    + (clockFilter.isEmpty()
                            ? ""
                            : " with a clock " + Words.sentence(clockFilter).toLowerCase(Locale.UK));
            return new Table(
                    caption,
                    "govuk-table__caption--m",
                    List.of(Cell.of("Review"), Cell.of("Type"), Cell.of("Status"), Cell.of("Next clock")),
                    rows.stream()
                            .map(r -> List.of(
                                    Cell.of(new Html(Templates.render("pages/home/reviewCell.jte", r.review()))),
                                    Cell.of(Words.reviewType(r.review().type())),
                                    Cell.of(Words.reviewStatus(r.review().status())),
                                    Cell.of(new Html(Templates.render("pages/home/clockCell.jte", r.nextClock())))))
                            .toList(),
                    true,
                    null,
                    null);
        }
    }

    @GET
    public Response dashboard(@QueryParam("clock") String clock, @QueryParam("page") String page) {
        Caller c = signedIn.withAnyRole(ANY_ROLE);
        ClockStatus filter = clock == null || clock.isBlank() ? null : Enums.parse(ClockStatus.class, clock, "clock");
        Page<ReviewService.Seen> found = reviews.list(c, null, null, filter, Paging.parse(page, "100"));
        List<Row> rows = found.items().stream()
                .map(seen -> ReviewViews.of(seen, reviews.clocks(seen.review())))
                .map(v -> new Row(v, nextClock(v).orElse(null)))
                .toList();
        Dashboard view =
                new Dashboard(rows, found.total(), filter == null ? "" : filter.name(), c.has(Role.LSCB_OFFICER));
        return Pages.page("pages/home/dashboard.jte", pages.chrome("Reviews", "reviews"), Map.of("view", view));
    }

    /** The clock to act on first: overdue before anything, then the earliest due date among those not met. */
    static Optional<ClockView> nextClock(ReviewView v) {
        return v.clocks().stream()
                .filter(c -> !"MET".equals(c.status()) && c.due() != null)
                .min(Comparator.comparing((ClockView c) -> !"OVERDUE".equals(c.status()))
                        .thenComparing(ClockView::due));
    }
}
