package org.lscb.server.export;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.reviews.ReportingYear;
import org.lscb.reviews.statistics.ChildDeathReturn;
import org.lscb.reviews.statistics.SmallCountSuppression;
import org.lscb.server.auth.CallerResolver;

/**
 * {@code GET /api/v1/exports/child-deaths?year=2026} (docs/api.md "Exports"): the caller's board's annual return of
 * child death reviews completed in the year to 31 March [28], as CSV (the default, or {@code Accept: text/csv}) or
 * JSON ({@code Accept: application/json}).
 */
@Path("exports/child-deaths")
public class ChildDeathExportResource {

    static final MediaType CSV = new MediaType("text", "csv", "UTF-8");

    /** The JSON answer: the period in months, the suppression rule applied, and the rows. */
    public record ReturnView(
            int reportingYear,
            String firstMonth,
            String lastMonth,
            String suppression,
            List<ChildDeathReturn.Row> rows) {}

    private ChildDeathReturns returns;
    private CallerResolver callers;

    protected ChildDeathExportResource() {}

    @Inject
    public ChildDeathExportResource(ChildDeathReturns returns, CallerResolver callers) {
        this.returns = returns;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({"LSCB_OFFICER", "LSCB_CHAIR", "CDOP_MEMBER"})
    public Response get(@QueryParam("year") String year, @Context HttpHeaders headers) {
        if (year == null || year.isBlank()) {
            throw new InvalidValueException("year", "is required: the year the reporting year ends in, such as 2026");
        }
        ReportingYear y = ReportingYear.parse(year.strip())
                .orElseThrow(() -> new InvalidValueException(
                        "year",
                        "must be four digits from " + ReportingYear.EARLIEST + " to " + ReportingYear.LATEST
                                + ": the year the reporting year ends in (2026 is April 2025 to March 2026)"));
        ChildDeathReturn r = returns.annualReturn(callers.caller(), y);
        if (wantsJson(headers)) {
            return Response.ok(
                            new ReturnView(
                                    r.reportingYear(),
                                    r.firstMonth(),
                                    r.lastMonth(),
                                    SmallCountSuppression.RULE,
                                    r.rows()),
                            MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
        return Response.ok(csv(r), CSV)
                .header("Content-Disposition", "attachment; filename=\"child-deaths-" + y.endsIn() + ".csv\"")
                .build();
    }

    /** JSON when the caller prefers it to CSV; CSV otherwise (no Accept, a wildcard, or text/csv first). */
    static boolean wantsJson(HttpHeaders headers) {
        for (MediaType m : headers.getAcceptableMediaTypes()) {
            if (m.isWildcardType()) {
                return false;
            }
            if (m.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return true;
            }
            if (m.isCompatible(CSV)) {
                return false;
            }
        }
        return false;
    }

    static String csv(ChildDeathReturn r) {
        StringBuilder b = new StringBuilder("reporting_year,first_month,last_month,table,code,label,count\r\n");
        for (ChildDeathReturn.Row row : r.rows()) {
            b.append(r.reportingYear())
                    .append(',')
                    .append(r.firstMonth())
                    .append(',')
                    .append(r.lastMonth())
                    .append(',')
                    .append(field(row.table()))
                    .append(',')
                    .append(field(row.code()))
                    .append(',')
                    .append(field(row.label()))
                    .append(',')
                    .append(field(row.count()))
                    .append("\r\n");
        }
        return b.toString();
    }

    /** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
    private static String field(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\""
                : v;
    }
}
