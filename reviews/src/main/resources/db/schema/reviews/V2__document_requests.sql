-- Document requests: what a review's lead board asks of one of its organisations (a document of a type by a
-- day). Whether one is answered follows from the documents uploaded, so it has no column here.
-- One script for H2 and PostgreSQL: only portable types and syntax.

CREATE TABLE document_request (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    review_id       VARCHAR(36)   NOT NULL REFERENCES review (id),
    organisation_id VARCHAR(36)   NOT NULL REFERENCES organisation (id),
    document_type   VARCHAR(30)   NOT NULL,
    due_on          DATE          NOT NULL,
    note            VARCHAR(2000),
    requested_on    DATE          NOT NULL,
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_by    VARCHAR(36)   NOT NULL
);
CREATE INDEX document_request_review ON document_request (review_id);
CREATE INDEX document_request_organisation ON document_request (organisation_id, due_on);
