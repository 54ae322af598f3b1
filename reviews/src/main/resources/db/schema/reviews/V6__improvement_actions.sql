-- Action plans: each recommendation of a review turned into actions an organisation owns, with a due day, a
-- status and evidence of impact [9, 11, 19]. The evidence document is a document of the exchange, which sits
-- above this module, so its id has no foreign key here; the server checks it is one of the review's.
-- One script for H2 and PostgreSQL: only portable types and syntax.

CREATE TABLE improvement_action (
    id                   VARCHAR(36)   NOT NULL PRIMARY KEY,
    version              BIGINT        NOT NULL,
    review_id            VARCHAR(36)   NOT NULL REFERENCES review (id),
    lead_lscb_id         VARCHAR(36)   NOT NULL REFERENCES organisation (id),
    recommendation       VARCHAR(1000) NOT NULL,
    organisation_id      VARCHAR(36)   NOT NULL REFERENCES organisation (id),
    change_wanted        VARCHAR(2000) NOT NULL,
    due_on               DATE          NOT NULL,
    status               VARCHAR(20)   NOT NULL,
    reason               VARCHAR(1000),
    evidence_document_id VARCHAR(36),
    evidence_note        VARCHAR(1000),
    created_by           VARCHAR(36)   NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by           VARCHAR(36)   NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    overdue_marked_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX improvement_action_review ON improvement_action (review_id);
CREATE INDEX improvement_action_board ON improvement_action (lead_lscb_id, due_on);
CREATE INDEX improvement_action_organisation ON improvement_action (organisation_id, due_on);
