package org.lscb.server.library;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.lscb.foundation.audit.AuditAction;
import org.lscb.foundation.audit.AuditEvent;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.persistence.Database;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.foundation.value.Text;
import org.lscb.library.AgeBand;
import org.lscb.library.PublishedReport;
import org.lscb.library.PublishedReportRepository;
import org.lscb.library.ReportFormat;
import org.lscb.library.Theme;
import org.lscb.library.check.Finding;
import org.lscb.library.check.PersonalDataCheck;
import org.lscb.library.text.ReportText;
import org.lscb.reviews.Review;
import org.lscb.reviews.ReviewAccess.Relation;
import org.lscb.reviews.ReviewType;
import org.lscb.server.auth.Caller;
import org.lscb.server.error.ConflictException;
import org.lscb.server.review.ReviewService;

/**
 * Publication of a review's final report and the board's response [11]: the lead board's officers or its Chair
 * publish an SCR's or a management review's report; nothing is published while the personal-data check finds
 * anything, unless the Chair publishes over the findings with a reason. The files published are the ones uploaded
 * here, in the open: the review's sealed documents are not touched. The redaction names are used for the check and
 * then dropped: they are neither stored nor audited.
 */
@ApplicationScoped
public class PublicationService {

    static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    /** The first year a report may say it was published in: before the library, but not before these reviews. */
    static final int FIRST_YEAR = 2000;

    static final int MAX_NAMES = 200;
    static final int MAX_NAME = 100;

    private Database database;
    private ReviewService reviews;
    private ReportLibrary library;
    private Clock clock;

    protected PublicationService() {}

    @Inject
    public PublicationService(Database database, ReviewService reviews, ReportLibrary library) {
        this.database = database;
        this.reviews = reviews;
        this.library = library;
        this.clock = Clock.system(ENGLAND);
    }

    /** What the officer sends; every value as typed, checked here (a file as uploaded, null when none was). */
    public record Request(
            String title,
            List<String> themes,
            String ageBand,
            String year,
            byte[] report,
            byte[] response,
            List<String> redactionNames,
            String overrideReason) {}

    /** A finding in one of the two documents. */
    public record Located(String document, String unit, Finding finding) {
        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("document", document);
            m.put("kind", finding.kind().name());
            m.put("page", finding.page());
            m.put("unit", unit);
            m.put("context", finding.context());
            return m;
        }
    }

    /**
     * Checks and publishes, or refuses: 404 when the caller has no relation to the review, 403 when not the lead
     * board's officer or Chair, 400 for a bad field or file, 409 {@code personal_data} with the findings.
     */
    public PublishedReport publish(Caller by, String reviewId, Request req) {
        ReviewService.Seen seen = reviews.get(by, reviewId);
        boolean chair = seen.relations().contains(Relation.LEAD_BOARD_CHAIR);
        if (!chair && !seen.relations().contains(Relation.LEAD_BOARD_OFFICER)) {
            throw new ForbiddenException(); // audited as ACCESS_REFUSED by AccessRefusedAuditFilter
        }
        Review review = seen.review();
        if (review.type() != ReviewType.SERIOUS_CASE_REVIEW && review.type() != ReviewType.MANAGEMENT_REVIEW) {
            throw new ConflictException(
                    "not_publishable", "only a serious case review's or a management review's report is published");
        }
        String title = Text.required(req.title(), "title", PublishedReport.MAX_TITLE);
        Set<Theme> themes = themes(req.themes());
        AgeBand ageBand = ageBand(req.ageBand());
        int year = year(req.year());
        List<String> names = names(req.redactionNames());
        String override = Text.optional(req.overrideReason(), "overrideReason", PublishedReport.MAX_REASON);
        if (override != null && !chair) {
            throw new ForbiddenException("only the board's Chair may publish over the personal-data check");
        }
        byte[] reportBytes = file(req.report(), "report");
        byte[] responseBytes = file(req.response(), "response");
        if (database.read(em -> new PublishedReportRepository(em).liveOfReview(reviewId))
                .isPresent()) {
            throw alreadyPublished();
        }

        ReportText report = library.extractor().extract(reportBytes, "The report");
        ReportText response = library.extractor().extract(responseBytes, "The board's response");
        PersonalDataCheck check = new PersonalDataCheck(names);
        List<Located> findings = new ArrayList<>();
        // the title is published beside the files, so it is checked as they are
        check.check(new ReportText(ReportFormat.DOCX, List.of(title)))
                .forEach(f -> findings.add(new Located("title", "title", f)));
        check.check(report).forEach(f -> findings.add(new Located("report", report.unit(), f)));
        check.check(response).forEach(f -> findings.add(new Located("response", response.unit(), f)));
        if (!findings.isEmpty() && override == null) {
            database.inTransaction(em -> {
                audit(em, by, AuditAction.REPORT_PUBLICATION_REFUSED, review.id(), review.id(), kinds(findings));
                return null;
            });
            throw new PersonalDataFoundException(findings);
        }

        String text = report.joined() + "\n" + response.joined();
        PublishedReport.StoredFile reportFile =
                new PublishedReport.StoredFile(library.files().put(reportBytes), report.format(), reportBytes.length);
        PublishedReport.StoredFile responseFile = new PublishedReport.StoredFile(
                library.files().put(responseBytes), response.format(), responseBytes.length);
        String textKey = library.files().put(text.getBytes(StandardCharsets.UTF_8));
        PublishedReport published = database.inTransaction(em -> {
            PublishedReportRepository repo = new PublishedReportRepository(em);
            if (repo.liveOfReview(reviewId).isPresent()) {
                throw alreadyPublished();
            }
            PublishedReport p = new PublishedReport(
                    review.id(),
                    review.leadLscbId(),
                    title,
                    themes,
                    ageBand,
                    year,
                    reportFile,
                    responseFile,
                    textKey,
                    clock.instant(),
                    by.accountId(),
                    findings.isEmpty() ? null : override);
            repo.add(p);
            if (findings.isEmpty()) {
                audit(em, by, AuditAction.REPORT_PUBLISHED, p.id(), review.id(), "published: " + title);
            } else {
                audit(
                        em,
                        by,
                        AuditAction.REPORT_PUBLISHED_OVER_FINDINGS,
                        p.id(),
                        review.id(),
                        "published over " + kinds(findings) + ": " + override);
            }
            return p;
        });
        library.catchUpAfterCommit();
        return published;
    }

    /** The lead board's officers or Chair take the review's report out of the library, with a reason. */
    public PublishedReport withdraw(Caller by, String reviewId, String reason) {
        ReviewService.Seen seen = reviews.get(by, reviewId);
        if (!seen.relations().contains(Relation.LEAD_BOARD_CHAIR)
                && !seen.relations().contains(Relation.LEAD_BOARD_OFFICER)) {
            throw new ForbiddenException();
        }
        String why = Text.required(reason, "reason", PublishedReport.MAX_REASON);
        PublishedReport withdrawn = database.inTransaction(em -> {
            PublishedReportRepository repo = new PublishedReportRepository(em);
            // first, so that every writer of the library waits for the stamp holding no other lock
            long stamp = repo.nextIndexStamp();
            PublishedReport p = repo.liveOfReview(reviewId)
                    .orElseThrow(() -> new ConflictException("not_published", "the review has no published report"));
            p.withdraw(clock.instant(), by.accountId(), why);
            p.indexStamp(stamp);
            audit(em, by, AuditAction.REPORT_WITHDRAWN, p.id(), reviewId, "withdrawn: " + why);
            return p;
        });
        library.catchUpAfterCommit();
        return withdrawn;
    }

    /** The review's report in the library, for its officers' page; empty when none is. */
    public java.util.Optional<PublishedReport> current(Caller by, String reviewId) {
        reviews.get(by, reviewId);
        return database.read(em -> new PublishedReportRepository(em).liveOfReview(reviewId));
    }

    /** A report in the library: 404 when there is none or it was withdrawn. */
    public PublishedReport live(String id) {
        return database.read(em -> new PublishedReportRepository(em).live(id)).orElseThrow(NotFoundException::new);
    }

    /** The reports among these ids that are in the library: a withdrawn or unknown id is left out. */
    public List<PublishedReport> live(Collection<String> ids) {
        return database.read(em -> new PublishedReportRepository(em).live(ids));
    }

    /** A published file's bytes. */
    public byte[] bytes(PublishedReport.StoredFile file) {
        return library.files().get(file.key()).orElseThrow(NotFoundException::new);
    }

    public int currentYear() {
        return LocalDate.now(clock).getYear();
    }

    static Set<Theme> themes(List<String> codes) {
        if (codes == null || codes.stream().allMatch(c -> c == null || c.isBlank())) {
            throw new InvalidValueException("themes", "at least one theme is required");
        }
        Set<Theme> out = EnumSet.noneOf(Theme.class);
        for (String code : codes) {
            if (code == null || code.isBlank()) {
                continue;
            }
            out.add(Theme.ofCode(code.strip())
                    .orElseThrow(() ->
                            new InvalidValueException("themes", "is not a theme of the library: " + shorten(code))));
        }
        return out;
    }

    static AgeBand ageBand(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidValueException("ageBand", "is required");
        }
        return AgeBand.ofCode(code.strip())
                .orElseThrow(() -> new InvalidValueException(
                        "ageBand",
                        "must be one of "
                                + java.util.Arrays.stream(AgeBand.values())
                                        .map(AgeBand::code)
                                        .collect(Collectors.joining(", "))));
    }

    int year(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new InvalidValueException("year", "is required");
        }
        int year;
        try {
            year = Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("year", "must be a year, such as " + currentYear());
        }
        if (year < FIRST_YEAR || year > currentYear()) {
            throw new InvalidValueException("year", "must be from " + FIRST_YEAR + " to " + currentYear());
        }
        return year;
    }

    /** The redaction list: one name a line or entry; a name of one letter would find every "a", so is refused. */
    static List<String> names(List<String> typed) {
        List<String> out = new ArrayList<>();
        if (typed != null) {
            for (String entry : typed) {
                if (entry == null) {
                    continue;
                }
                for (String line : entry.split("\\R")) {
                    String name = line.strip();
                    if (name.isEmpty()) {
                        continue;
                    }
                    if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
                        throw new InvalidValueException(
                                "redactionNames", "each name must be at most " + MAX_NAME + " printable characters");
                    }
                    if (name.codePoints().filter(Character::isLetter).count() < 2) {
                        throw new InvalidValueException("redactionNames", "each name must have at least two letters");
                    }
                    out.add(name);
                }
            }
        }
        if (out.size() > MAX_NAMES) {
            throw new InvalidValueException("redactionNames", "at most " + MAX_NAMES + " names");
        }
        return out;
    }

    private static byte[] file(byte[] upload, String field) {
        if (upload == null) {
            throw new InvalidValueException(field, "is required: a PDF or Word (.docx) file");
        }
        return upload;
    }

    private static String kinds(List<Located> findings) {
        return findings.size() + " finding(s): "
                + findings.stream()
                        .map(l -> l.document() + " " + l.finding().kind())
                        .distinct()
                        .collect(Collectors.joining(", "));
    }

    private static ConflictException alreadyPublished() {
        return new ConflictException(
                "already_published", "the review's report is already in the library: withdraw it first");
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private void audit(
            jakarta.persistence.EntityManager em,
            Caller by,
            AuditAction action,
            String objectId,
            String reviewId,
            String details) {
        new AuditLog(em)
                .append(AuditEvent.of(clock.instant(), by.accountId(), action, "published_report", objectId)
                        .forReview(reviewId)
                        .withDetails(details));
    }
}
