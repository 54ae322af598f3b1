-- Published reports of reviews [11]: the board's final report and its response, public once published. The files
-- are kept by org.lscb.library.ReportFiles under report_key/response_key/text_key (the extracted text, for
-- rebuilding the search index); this table holds what the public library shows and who published or withdrew
-- what, and why. A withdrawn report keeps its row, for the audit, and leaves the library.
-- One script for H2 and PostgreSQL: only portable types and syntax.

CREATE TABLE published_report (
    id                VARCHAR(36)   NOT NULL PRIMARY KEY,
    review_id         VARCHAR(36)   NOT NULL REFERENCES review (id),
    board_id          VARCHAR(36)   NOT NULL REFERENCES organisation (id),
    title             VARCHAR(200)  NOT NULL,
    themes            VARCHAR(1000) NOT NULL,
    age_band          VARCHAR(20)   NOT NULL,
    publication_year  INTEGER       NOT NULL,
    report_format     VARCHAR(10)   NOT NULL,
    report_key        VARCHAR(64)   NOT NULL,
    report_bytes      BIGINT        NOT NULL,
    response_format   VARCHAR(10)   NOT NULL,
    response_key      VARCHAR(64)   NOT NULL,
    response_bytes    BIGINT        NOT NULL,
    text_key          VARCHAR(64)   NOT NULL,
    published_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by      VARCHAR(36)   NOT NULL,
    override_reason   VARCHAR(2000),
    withdrawn_at      TIMESTAMP WITH TIME ZONE,
    withdrawn_by      VARCHAR(36),
    withdrawal_reason VARCHAR(2000)
);
CREATE INDEX published_report_review ON published_report (review_id);
CREATE INDEX published_report_withdrawn ON published_report (withdrawn_at);
