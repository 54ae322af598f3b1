package org.lscb.server.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.audit.AuditEvent;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.persistence.Database;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.identity.organisation.Organisation;
import org.lscb.identity.organisation.OrganisationRepository;
import org.lscb.reviews.ClockSpans;
import org.lscb.reviews.ReportingYear;
import org.lscb.reviews.Review;
import org.lscb.reviews.clock.WorkingDays;
import org.lscb.server.auth.Caller;
import org.lscb.server.review.ReviewService;

/**
 * Builds an annual report once per request, for the caller's own board, in one read transaction; the API,
 * the page and the PDF all render what this returns ({@link Report}).
 */
@ApplicationScoped
public class ReportService {

    private Database database;
    private ClockSpans spans;
    private WorkingDays workingDays;
    private ReviewService reviews;

    protected ReportService() {}

    @Inject
    public ReportService(Database database, ClockSpans spans, WorkingDays workingDays, ReviewService reviews) {
        this.database = database;
        this.spans = spans;
        this.workingDays = workingDays;
        this.reviews = reviews;
    }

    /**
     * The report of the caller's board for the year named by {@code yearText}.
     *
     * @param boardText the board asked for, or null for the caller's own; any other board is not found, as
     *                  another board's review is not (docs/security.md), and the refusal is audited
     * @throws ForbiddenException     when the caller holds none of the report's roles, or belongs to no board
     * @throws NotFoundException      when {@code boardText} names another board than the caller's
     * @throws InvalidValueException  {@code year} when it is missing or not a year from 2000 to 2100
     */
    public Report build(Caller caller, ReportKind kind, String yearText, String boardText) {
        if (kind.readers().stream().noneMatch(caller::has) || caller.organisationId() == null) {
            throw new ForbiddenException(); // audited as ACCESS_REFUSED by AccessRefusedAuditFilter
        }
        if (boardText != null && !boardText.equals(caller.organisationId())) {
            refused(caller, kind, boardText);
            throw new NotFoundException();
        }
        ReportingYear year = year(yearText);
        LocalDate today = reviews.today();
        return database.read(em -> {
            Organisation board = new OrganisationRepository(em)
                    .byId(caller.organisationId())
                    .filter(Organisation::isBoard)
                    .orElseThrow(ForbiddenException::new);
            List<Review> led = em.createQuery("select r from Review r where r.leadLscbId = :b", Review.class)
                    .setParameter("b", board.id())
                    .getResultList();
            ReportContext context =
                    new ReportContext(board.id(), year, ReportContext.asAt(year, today), led, spans, workingDays, em);
            return new Report(
                    kind.path(),
                    kind.title(),
                    board.id(),
                    board.name(),
                    year.endsIn(),
                    year.label(),
                    year.firstDay(),
                    year.lastDay(),
                    context.asAt(),
                    today,
                    kind.sections().stream().map(s -> s.build(context)).toList());
        });
    }

    private void refused(Caller caller, ReportKind kind, String boardText) {
        String shown = boardText.length() > 64 ? boardText.substring(0, 64) : boardText;
        database.inTransaction(em -> {
            new AuditLog(em)
                    .append(AuditEvent.of(
                                    Clock.systemUTC().instant(),
                                    caller.accountId(),
                                    AuditAction.ACCESS_REFUSED,
                                    "report",
                                    kind.path())
                            .withDetails("the " + kind.path() + " report of another board: " + shown));
            return null;
        });
    }

    /** The reporting year asked for: four digits from 2000 to 2100, the year it ends on 31 March. */
    static ReportingYear year(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(
                    "year", "is required: the reporting year, named by the year it ends in (2026 for 2025 to 2026)");
        }
        return ReportingYear.parse(text.strip())
                .orElseThrow(() -> new InvalidValueException(
                        "year",
                        "must be a year from " + ReportingYear.EARLIEST + " to " + ReportingYear.LATEST
                                + ", such as 2026 for 1 April 2025 to 31 March 2026"));
    }
}
