package org.lscb.server.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import java.time.Clock;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.audit.AuditEvent;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.persistence.Database;
import org.lscb.identity.account.Role;
import org.lscb.identity.organisation.Organisation;
import org.lscb.identity.organisation.OrganisationRepository;
import org.lscb.reviews.ReportingYear;
import org.lscb.reviews.ReviewRepository;
import org.lscb.reviews.statistics.ChildDeathReturn;
import org.lscb.reviews.statistics.ChildDeathStatistics;
import org.lscb.server.auth.Caller;

/**
 * A board's child death statistics for a reporting year [28]: the raw counts ({@link #statistics}, for the CDOP
 * annual report) and the annual return with small counts suppressed ({@link #annualReturn}). A caller reads their
 * own board's figures only: an officer, the Chair or a panel member of a board; nobody else.
 */
@ApplicationScoped
public class ChildDeathReturns {

    private Database database;
    private Clock clock;

    protected ChildDeathReturns() {}

    @Inject
    public ChildDeathReturns(Database database) {
        this.database = database;
        this.clock = Clock.systemUTC();
    }

    /** The counts of the board's child death reviews signed off in {@code year}; not audited, not suppressed. */
    public ChildDeathStatistics statistics(String boardId, ReportingYear year) {
        return database.read(em -> ChildDeathStatistics.of(
                year, new ReviewRepository(em).childDeathsCompleted(boardId, year.firstDay(), year.lastDay())));
    }

    /**
     * The caller's board's annual return, audited.
     *
     * @throws ForbiddenException for a caller who is not an officer, Chair or panel member of a board
     */
    public ChildDeathReturn annualReturn(Caller by, ReportingYear year) {
        String board = boardOf(by);
        ChildDeathReturn r = ChildDeathReturn.of(statistics(board, year));
        database.inTransaction(em -> {
            new AuditLog(em)
                    .append(AuditEvent.of(
                                    clock.instant(),
                                    by.accountId(),
                                    AuditAction.CHILD_DEATH_RETURN_EXPORTED,
                                    "organisation",
                                    board)
                            .withDetails("annual return of child deaths, year to 31 March " + year.endsIn()));
            return null;
        });
        return r;
    }

    /** The board the caller speaks for; 403 (audited as ACCESS_REFUSED) for anyone else. */
    public String boardOf(Caller by) {
        boolean boardRole = by.has(Role.LSCB_OFFICER) || by.has(Role.LSCB_CHAIR) || by.has(Role.CDOP_MEMBER);
        boolean board = by.organisationId() != null
                && database.read(em -> new OrganisationRepository(em)
                        .byId(by.organisationId())
                        .map(Organisation::isBoard)
                        .orElse(false));
        if (!boardRole || !board) {
            throw new ForbiddenException("the return is a board's: its officers, Chair and panel members read it");
        }
        return by.organisationId();
    }
}
