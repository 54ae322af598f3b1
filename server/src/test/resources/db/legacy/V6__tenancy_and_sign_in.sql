-- Boards as tenants, two-factor sign-in, throttling by account and client.
-- One script for H2 and PostgreSQL: only portable types and syntax.

-- The organisations a board covers (its local authority's services, the police force, health trusts,
-- schools, ...). An organisation may belong to several boards. Kept by an administrator.
CREATE TABLE board_member (
    board_id        VARCHAR(36) NOT NULL REFERENCES organisation (id),
    organisation_id VARCHAR(36) NOT NULL REFERENCES organisation (id),
    added_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (board_id, organisation_id)
);
CREATE INDEX board_member_organisation ON board_member (organisation_id);

-- A board already covers the organisations whose actions its reviews examine.
INSERT INTO board_member (board_id, organisation_id, added_at)
SELECT DISTINCT r.lead_lscb_id, ro.organisation_id, CURRENT_TIMESTAMP
FROM review r JOIN review_organisation ro ON ro.review_id = r.id
WHERE ro.organisation_id <> r.lead_lscb_id;

-- Failed sign-ins are counted per login name and client address together, so that failures from one
-- address never lock the account's owner out elsewhere. The old per-name counts are transient.
DROP TABLE login_throttle;
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

-- The board whose officer put a reviewer on the register: its officers may keep the profile.
ALTER TABLE reviewer ADD COLUMN registered_by_board VARCHAR(36);

-- Who withdrew a verification; a new verification reverses it.
ALTER TABLE reviewer_evidence ADD COLUMN withdrawn_by VARCHAR(36);
