-- Version stamps for the search index on every node (ReviewerSearch). Each change a reviewer's search document must
-- see takes the next stamp from reviewer_index_counter in its own transaction and writes it on the reviewer's row.
-- Taking the stamp updates the counter's one row, whose lock is held until commit, so stamps commit in the order
-- they are taken: a node that has seen stamp N committed has seen every stamp below it.
-- One script for H2 and PostgreSQL: only portable types and syntax.

CREATE TABLE reviewer_index_counter (
    id    INTEGER NOT NULL PRIMARY KEY,
    stamp BIGINT  NOT NULL
);
INSERT INTO reviewer_index_counter (id, stamp) VALUES (1, 0);

ALTER TABLE reviewer ADD COLUMN index_stamp BIGINT DEFAULT 0 NOT NULL;
CREATE INDEX reviewer_index_stamp ON reviewer (index_stamp);
