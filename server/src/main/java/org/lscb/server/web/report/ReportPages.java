package org.lscb.server.web.report;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.lscb.identity.account.Role;
import org.lscb.reviews.ReportingYear;
import org.lscb.server.auth.Caller;
import org.lscb.server.report.Report;
import org.lscb.server.report.ReportKind;
import org.lscb.server.report.ReportPdf;
import org.lscb.server.report.ReportService;
import org.lscb.server.review.ReviewService;
import org.lscb.server.web.Pages;
import org.lscb.server.web.session.SignedIn;

/**
 * The annual reports as pages and printable PDFs (docs/api.md "Web pages"): the same report the JSON API
 * answers ({@link ReportService}), each chart drawn on the server as SVG beside the table of its figures, and
 * the PDF built from that same report. Each reader sees their own board's report only.
 */
@Path("reports")
public class ReportPages {

    /** Whoever reads at least one report: the list shows each only the ones they may read. */
    private static final Role[] ANY_READER = Arrays.stream(ReportKind.values())
            .flatMap(k -> k.readers().stream())
            .distinct()
            .toArray(Role[]::new);

    private SignedIn signedIn;
    private Pages pages;
    private ReportService reports;
    private ReviewService reviews;

    protected ReportPages() {}

    @Inject
    public ReportPages(SignedIn signedIn, Pages pages, ReportService reports, ReviewService reviews) {
        this.signedIn = signedIn;
        this.pages = pages;
        this.reports = reports;
        this.reviews = reviews;
    }

    /** A report the person may read, with links to its latest years. */
    public record Listed(String title, String path, List<ReportingYear> years) {}

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list() {
        Caller c = signedIn.withAnyRole(ANY_READER);
        ReportingYear current = ReportingYear.containing(reviews.today());
        List<ReportingYear> years =
                List.of(current, current.previous(), current.previous().previous());
        List<Listed> listed = Arrays.stream(ReportKind.values())
                .filter(k -> k.readers().stream().anyMatch(c::has))
                .map(k -> new Listed(k.title(), k.path(), years))
                .toList();
        return Pages.page(
                "pages/report/list.jte", pages.chrome("Annual reports", "reports"), Map.of("reports", listed));
    }

    @GET
    @Path("board-annual")
    @Produces(MediaType.TEXT_HTML)
    public Response boardAnnual(@QueryParam("year") String year, @QueryParam("board") String board) {
        return page(ReportKind.BOARD_ANNUAL, year, board);
    }

    @GET
    @Path("board-annual.pdf")
    @Produces("application/pdf")
    public Response boardAnnualPdf(@QueryParam("year") String year, @QueryParam("board") String board) {
        return pdf(ReportKind.BOARD_ANNUAL, year, board);
    }

    @GET
    @Path("cdop-annual")
    @Produces(MediaType.TEXT_HTML)
    public Response cdopAnnual(@QueryParam("year") String year, @QueryParam("board") String board) {
        return page(ReportKind.CDOP_ANNUAL, year, board);
    }

    @GET
    @Path("cdop-annual.pdf")
    @Produces("application/pdf")
    public Response cdopAnnualPdf(@QueryParam("year") String year, @QueryParam("board") String board) {
        return pdf(ReportKind.CDOP_ANNUAL, year, board);
    }

    private Response page(ReportKind kind, String year, String board) {
        Caller c = signedIn.withAnyRole(kind.readerRoles());
        Report r = reports.build(c, kind, year, board);
        return Pages.page(
                "pages/report/report.jte",
                pages.chrome(r.title() + ", " + r.yearLabel(), "reports"),
                Map.of("view", ReportView.of(r)));
    }

    /**
     * The PDF as a download named from the report's own path and the year it parsed, never from the request's
     * text, so the Content-Disposition header cannot be bent.
     */
    private Response pdf(ReportKind kind, String year, String board) {
        Caller c = signedIn.withAnyRole(kind.readerRoles());
        Report r = reports.build(c, kind, year, board);
        return Response.ok(ReportPdf.of(r), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + r.kind() + "-" + r.year() + ".pdf\"")
                .build();
    }
}
