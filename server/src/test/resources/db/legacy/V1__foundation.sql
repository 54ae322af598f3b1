-- Foundation: organisations, accounts, sign-in throttle, hash-chained audit log.
-- One script for H2 and PostgreSQL: only portable types and syntax.

CREATE TABLE organisation (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    area        VARCHAR(100)
);

CREATE TABLE account (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    username        VARCHAR(64)  NOT NULL,
    display_name    VARCHAR(200) NOT NULL,
    password_hash   VARCHAR(200),
    organisation_id VARCHAR(36)  REFERENCES organisation (id),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT account_username_unique UNIQUE (username)
);

CREATE TABLE account_role (
    account_id VARCHAR(36) NOT NULL REFERENCES account (id),
    role       VARCHAR(32) NOT NULL,
    PRIMARY KEY (account_id, role)
);

CREATE TABLE login_throttle (
    login_name      VARCHAR(64) NOT NULL PRIMARY KEY,
    failures        INTEGER     NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE,
    locked_until    TIMESTAMP WITH TIME ZONE
);

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
