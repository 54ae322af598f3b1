-- The board key under M-of-N custody (docs/security.md "Board key custody"). The server keeps only envelopes: each
-- custodian's share sealed to that custodian, and each approval's share sealed to the requester. It never holds a
-- share it can read. Envelopes are base64 text. One script for H2 and PostgreSQL: only portable types and syntax.

-- A split of a board's key; a newer split replaces it (replaced_at set, its shares removed).
CREATE TABLE custody_split (
    id             VARCHAR(36) NOT NULL PRIMARY KEY,
    board_id       VARCHAR(36) NOT NULL REFERENCES organisation (id),
    certificate_id VARCHAR(40) NOT NULL REFERENCES certificate (id),
    threshold      INTEGER     NOT NULL,
    share_count    INTEGER     NOT NULL,
    split_by       VARCHAR(36) NOT NULL REFERENCES account (id),
    split_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    replaced_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX custody_split_board ON custody_split (board_id, replaced_at);

-- One custodian's share of a split, sealed to the custodian's certificate and signed by the board key.
CREATE TABLE custody_share (
    id                       VARCHAR(36)   NOT NULL PRIMARY KEY,
    split_id                 VARCHAR(36)   NOT NULL REFERENCES custody_split (id),
    custodian_account_id     VARCHAR(36)   NOT NULL REFERENCES account (id),
    custodian_certificate_id VARCHAR(40)   NOT NULL REFERENCES certificate (id),
    envelope                 VARCHAR(16384) NOT NULL,
    CONSTRAINT custody_share_one_each UNIQUE (split_id, custodian_account_id)
);

-- A request for the board key: to grant a document, re-wrap a person's documents for a new key, or split again.
CREATE TABLE key_recovery (
    id                       VARCHAR(36)  NOT NULL PRIMARY KEY,
    board_id                 VARCHAR(36)  NOT NULL REFERENCES organisation (id),
    split_id                 VARCHAR(36)  NOT NULL REFERENCES custody_split (id),
    purpose                  VARCHAR(20)  NOT NULL,
    document_id              VARCHAR(36)  REFERENCES document (id),
    account_id               VARCHAR(36)  REFERENCES account (id),
    lost_certificate_id      VARCHAR(40)  REFERENCES certificate (id),
    reason                   VARCHAR(500) NOT NULL,
    requested_by             VARCHAR(36)  NOT NULL REFERENCES account (id),
    requester_certificate_id VARCHAR(40)  NOT NULL REFERENCES certificate (id),
    status                   VARCHAR(20)  NOT NULL,
    opened_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at                TIMESTAMP WITH TIME ZONE
);
CREATE INDEX key_recovery_board ON key_recovery (board_id, status);

-- A custodian's approval: their share sealed to the requester's certificate. Removed when the request closes.
CREATE TABLE recovery_approval (
    id                       VARCHAR(36)    NOT NULL PRIMARY KEY,
    recovery_id              VARCHAR(36)    NOT NULL REFERENCES key_recovery (id),
    custodian_account_id     VARCHAR(36)    NOT NULL REFERENCES account (id),
    custodian_certificate_id VARCHAR(40)    NOT NULL REFERENCES certificate (id),
    envelope                 VARCHAR(16384) NOT NULL,
    approved_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT recovery_approval_one_each UNIQUE (recovery_id, custodian_account_id)
);
