package org.lscb.server.report;

import java.util.List;
import java.util.Set;
import org.lscb.identity.account.Role;

/**
 * The annual reports, each with who may read it and its sections in order. A reader reads their own
 * board's report only: the board is the organisation of their account, and a board asked for by name must be
 * that one ({@link ReportService#build}), so no one can ask for another board's figures. Administrators run the deployment and see no review (docs/security.md), so
 * they read no report either.
 */
public enum ReportKind {
    /**
     * The board's annual report: what its reviews found, how promptly its duties were met, how its improvement
     * actions stand and which reports it published, for the board's officers and Chair, who must describe them in
     * the annual report [11, 19].
     */
    BOARD_ANNUAL(
            "board-annual",
            "Annual report of reviews",
            Set.of(Role.LSCB_OFFICER, Role.LSCB_CHAIR),
            List.of(
                    new ReviewsByTypeAndOutcome(),
                    new ClockTimelinessSection(TimelinessScope.ALL_REVIEWS),
                    new ActionsByStatus(),
                    new ReportsPublished())),
    /**
     * The CDOP's annual report to the board of the child deaths it reviews [23, 27, 28], for the board's
     * officers, Chair and the panel's members. Every count is subject to {@link SmallCounts}.
     */
    CDOP_ANNUAL(
            "cdop-annual",
            "Child Death Overview Panel annual report",
            Set.of(Role.LSCB_OFFICER, Role.LSCB_CHAIR, Role.CDOP_MEMBER),
            List.of(
                    new ChildDeathsNotified(),
                    new DeathsReviewedByCategory(),
                    new ModifiableFactorsSection(),
                    new ChildDeathTrend(),
                    new ClockTimelinessSection(TimelinessScope.CHILD_DEATHS)));

    private final String path;
    private final String title;
    private final Set<Role> readers;
    private final List<ReportSection> sections;

    ReportKind(String path, String title, Set<Role> readers, List<ReportSection> sections) {
        this.path = path;
        this.title = title;
        this.readers = readers;
        this.sections = sections;
    }

    /** Its name in addresses: {@code /api/v1/reports/board-annual}, {@code /reports/board-annual.pdf}. */
    public String path() {
        return path;
    }

    public String title() {
        return title;
    }

    /** The roles that read it, each for their own board only. */
    public Set<Role> readers() {
        return readers;
    }

    /** The readers' roles as an array, for {@code SignedIn.withAnyRole}. */
    public Role[] readerRoles() {
        return readers.toArray(Role[]::new);
    }

    List<ReportSection> sections() {
        return sections;
    }
}
