-- The audit chain and facts about this deployment: what every other module writes to.
-- One script for H2 and PostgreSQL: only portable types and syntax.

CREATE TABLE audit_entry (
    seq         BIGINT        NOT NULL PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(100)  NOT NULL,
    action      VARCHAR(64)   NOT NULL,
    object_type VARCHAR(64),
    object_id   VARCHAR(100),
    review_id   VARCHAR(36),
    details     VARCHAR(2000),
    prev_hash   VARCHAR(64)   NOT NULL,
    hash        VARCHAR(64)   NOT NULL
);
CREATE INDEX audit_entry_review ON audit_entry (review_id, seq);

CREATE TABLE audit_head (
    id      INTEGER     NOT NULL PRIMARY KEY,
    entries BIGINT      NOT NULL,
    hash    VARCHAR(64) NOT NULL
);
INSERT INTO audit_head (id, entries, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Facts about this deployment (for example that it was seeded as a demo).
CREATE TABLE deployment_setting (
    name  VARCHAR(64)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(400) NOT NULL
);
