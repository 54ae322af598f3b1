-- Version stamps for the library's search index on every node (ReportLibrary). Publishing and withdrawing take the
-- next stamp from report_index_counter in their own transaction and write it on the report's row; the counter's row
-- lock, held until commit, makes stamps commit in the order they are taken.
-- One script for H2 and PostgreSQL: only portable types and syntax.

CREATE TABLE report_index_counter (
    id    INTEGER NOT NULL PRIMARY KEY,
    stamp BIGINT  NOT NULL
);
INSERT INTO report_index_counter (id, stamp) VALUES (1, 0);

ALTER TABLE published_report ADD COLUMN index_stamp BIGINT DEFAULT 0 NOT NULL;
CREATE INDEX published_report_index_stamp ON published_report (index_stamp);
