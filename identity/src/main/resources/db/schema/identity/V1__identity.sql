-- Identity: organisations (boards and agencies), which organisations each board covers, accounts,
-- their roles and second factors, and the sign-in throttle.
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

-- The organisations a board covers (its local authority's services, the police force, health trusts,
-- schools, ...). An organisation may belong to several boards. Kept by an administrator.
CREATE TABLE board_member (
    board_id        VARCHAR(36) NOT NULL REFERENCES organisation (id),
    organisation_id VARCHAR(36) NOT NULL REFERENCES organisation (id),
    added_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (board_id, organisation_id)
);
CREATE INDEX board_member_organisation ON board_member (organisation_id);

-- Failed sign-ins are counted per login name and client address together, so that failures from one
-- address never lock the account's owner out elsewhere.
CREATE TABLE sign_in_throttle (
    throttle_key    VARCHAR(200) NOT NULL PRIMARY KEY,
    failures        INTEGER      NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE,
    locked_until    TIMESTAMP WITH TIME ZONE
);

-- TOTP (RFC 6238): the secret wrapped under a deployment key, confirmed by a first code; the last time
-- step used, so that a code is accepted once.
CREATE TABLE account_totp (
    account_id     VARCHAR(36)  NOT NULL PRIMARY KEY REFERENCES account (id),
    secret_wrapped VARCHAR(200) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at   TIMESTAMP WITH TIME ZONE,
    last_step      BIGINT       NOT NULL
);

-- One-time recovery codes, stored as SHA-256 of the code (each code carries 80 random bits).
CREATE TABLE account_recovery_code (
    account_id VARCHAR(36) NOT NULL REFERENCES account (id),
    code_hash  VARCHAR(64) NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (account_id, code_hash)
);
