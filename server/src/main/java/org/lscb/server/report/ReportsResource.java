package org.lscb.server.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.lscb.server.auth.CallerResolver;

/**
 * The annual reports as JSON (docs/api.md "Reports"): each for the caller's own board, so a reader of another
 * board gets their own board's figures and never these; {@code board} may name the caller's own board, and
 * naming another is 404. A suppressed count has no {@code value}.
 */
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportsResource {

    private ReportService reports;
    private CallerResolver callers;

    protected ReportsResource() {}

    @Inject
    public ReportsResource(ReportService reports, CallerResolver callers) {
        this.reports = reports;
        this.callers = callers;
    }

    @GET
    @Path("board-annual")
    @RolesAllowed({"LSCB_OFFICER", "LSCB_CHAIR"})
    public Report boardAnnual(@QueryParam("year") String year, @QueryParam("board") String board) {
        return reports.build(callers.caller(), ReportKind.BOARD_ANNUAL, year, board);
    }

    @GET
    @Path("cdop-annual")
    @RolesAllowed({"LSCB_OFFICER", "LSCB_CHAIR", "CDOP_MEMBER"})
    public Report cdopAnnual(@QueryParam("year") String year, @QueryParam("board") String board) {
        return reports.build(callers.caller(), ReportKind.CDOP_ANNUAL, year, board);
    }
}
