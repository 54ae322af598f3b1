package org.lscb.library;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lscb.foundation.value.InvalidValueException;

/**
 * A review's final report and the board's response, published for everyone [11]: what the public library lists
 * and serves until the board withdraws it. Publication touches nothing of the review's encrypted documents: the
 * files published are the ones uploaded for publication.
 */
@Entity
@Table(name = "published_report")
public class PublishedReport {

    public static final int MAX_TITLE = 200;
    public static final int MAX_REASON = 2000;

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "review_id", nullable = false, length = 36)
    private String reviewId;

    @Column(name = "board_id", nullable = false, length = 36)
    private String boardId;

    @Column(name = "title", nullable = false, length = MAX_TITLE)
    private String title;

    @Column(name = "themes", nullable = false, length = 1000)
    private String themes;

    @Column(name = "age_band", nullable = false, length = 20)
    private String ageBand;

    @Column(name = "publication_year", nullable = false)
    private int year;

    @Column(name = "report_format", nullable = false, length = 10)
    private String reportFormat;

    @Column(name = "report_key", nullable = false, length = 64)
    private String reportKey;

    @Column(name = "report_bytes", nullable = false)
    private long reportBytes;

    @Column(name = "response_format", nullable = false, length = 10)
    private String responseFormat;

    @Column(name = "response_key", nullable = false, length = 64)
    private String responseKey;

    @Column(name = "response_bytes", nullable = false)
    private long responseBytes;

    @Column(name = "text_key", nullable = false, length = 64)
    private String textKey;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    @Column(name = "published_by", nullable = false, length = 36)
    private String publishedBy;

    @Column(name = "override_reason", length = MAX_REASON)
    private String overrideReason;

    /** The version stamp of the report's latest change, for the library's index on every node. */
    @Column(name = "index_stamp", nullable = false)
    private long indexStamp;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    @Column(name = "withdrawn_by", length = 36)
    private String withdrawnBy;

    @Column(name = "withdrawal_reason", length = MAX_REASON)
    private String withdrawalReason;

    protected PublishedReport() {}

    /** One stored file: its key in {@link ReportFiles}, its format and size. */
    public record StoredFile(String key, ReportFormat format, long bytes) {}

    public PublishedReport(
            String reviewId,
            String boardId,
            String title,
            Set<Theme> themes,
            AgeBand ageBand,
            int year,
            StoredFile report,
            StoredFile response,
            String textKey,
            Instant at,
            String by,
            String overrideReason) {
        if (themes.isEmpty()) {
            throw new InvalidValueException("themes", "at least one theme is required");
        }
        this.id = UUID.randomUUID().toString();
        this.reviewId = reviewId;
        this.boardId = boardId;
        this.title = title;
        this.themes = themes.stream().map(Theme::code).sorted().collect(Collectors.joining(","));
        this.ageBand = ageBand.code();
        this.year = year;
        this.reportFormat = report.format().name();
        this.reportKey = report.key();
        this.reportBytes = report.bytes();
        this.responseFormat = response.format().name();
        this.responseKey = response.key();
        this.responseBytes = response.bytes();
        this.textKey = textKey;
        this.publishedAt = at;
        this.publishedBy = by;
        this.overrideReason = overrideReason;
    }

    /** Takes the report out of the library; its row stays, with who withdrew it and why. */
    public void withdraw(Instant at, String by, String reason) {
        this.withdrawnAt = at;
        this.withdrawnBy = by;
        this.withdrawalReason = reason;
    }

    public String id() {
        return id;
    }

    public String reviewId() {
        return reviewId;
    }

    public String boardId() {
        return boardId;
    }

    public String title() {
        return title;
    }

    public Set<Theme> themes() {
        Set<Theme> out = EnumSet.noneOf(Theme.class);
        Arrays.stream(themes.split(","))
                .map(Theme::ofCode)
                .flatMap(Optional::stream)
                .forEach(out::add);
        return out;
    }

    public AgeBand ageBand() {
        return AgeBand.ofCode(ageBand).orElseThrow();
    }

    public int year() {
        return year;
    }

    public StoredFile report() {
        return new StoredFile(reportKey, ReportFormat.valueOf(reportFormat), reportBytes);
    }

    public StoredFile response() {
        return new StoredFile(responseKey, ReportFormat.valueOf(responseFormat), responseBytes);
    }

    public String textKey() {
        return textKey;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public String publishedBy() {
        return publishedBy;
    }

    public Optional<String> overrideReason() {
        return Optional.ofNullable(overrideReason);
    }

    public long indexStamp() {
        return indexStamp;
    }

    /** Marks this report as changed at this stamp, taken in the same transaction as the change. */
    public void indexStamp(long stamp) {
        this.indexStamp = stamp;
    }

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    public Optional<Instant> withdrawnAt() {
        return Optional.ofNullable(withdrawnAt);
    }

    /** The latest change to this report: its withdrawal, or else its publication. */
    public Instant changedAt() {
        return withdrawnAt != null ? withdrawnAt : publishedAt;
    }
}
