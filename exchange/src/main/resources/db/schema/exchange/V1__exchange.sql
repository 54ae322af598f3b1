-- Encrypted exchange: certificates issued by the deployment CA, documents (ciphertext metadata only)
-- the certificates each document is encrypted to, and receipts (a recipient acknowledges a document,
-- as the coroner acknowledges a joint report).
-- One script for H2 and PostgreSQL: only portable types and syntax.

CREATE TABLE certificate (
    id              VARCHAR(40)   NOT NULL PRIMARY KEY,
    account_id      VARCHAR(36)   REFERENCES account (id),
    organisation_id VARCHAR(36)   REFERENCES organisation (id),
    purpose         VARCHAR(20)   NOT NULL,
    subject         VARCHAR(500)  NOT NULL,
    issuer          VARCHAR(500)  NOT NULL,
    serial          VARCHAR(64)   NOT NULL,
    fingerprint     VARCHAR(64)   NOT NULL,
    pem             VARCHAR(8000) NOT NULL,
    not_before      TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after       TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    revoked_by      VARCHAR(36),
    CONSTRAINT certificate_serial_unique UNIQUE (issuer, serial)
);
CREATE INDEX certificate_account ON certificate (account_id, revoked_at);
CREATE INDEX certificate_organisation ON certificate (organisation_id, purpose, revoked_at);

CREATE TABLE document (
    id                VARCHAR(36)   NOT NULL PRIMARY KEY,
    review_id         VARCHAR(36)   NOT NULL REFERENCES review (id),
    type              VARCHAR(30)   NOT NULL,
    title             VARCHAR(300)  NOT NULL,
    marking           VARCHAR(40)   NOT NULL,
    version           INTEGER       NOT NULL,
    profile           VARCHAR(40)   NOT NULL,
    sha256            VARCHAR(64)   NOT NULL,
    size_bytes        BIGINT        NOT NULL,
    uploaded_by       VARCHAR(36)   NOT NULL REFERENCES account (id),
    organisation_id   VARCHAR(36)   REFERENCES organisation (id),
    upload_id         VARCHAR(100),
    uploaded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT document_upload_unique UNIQUE (uploaded_by, upload_id)
);
CREATE INDEX document_review ON document (review_id);

CREATE TABLE document_recipient (
    document_id    VARCHAR(36) NOT NULL REFERENCES document (id),
    certificate_id VARCHAR(40) NOT NULL REFERENCES certificate (id),
    PRIMARY KEY (document_id, certificate_id)
);
CREATE INDEX document_recipient_certificate ON document_recipient (certificate_id);

CREATE TABLE document_receipt (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    document_id  VARCHAR(36)   NOT NULL REFERENCES document (id),
    account_id   VARCHAR(36)   NOT NULL REFERENCES account (id),
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    sha256       VARCHAR(64)   NOT NULL,
    signature    VARCHAR(16000),
    CONSTRAINT document_receipt_unique UNIQUE (document_id, account_id)
);
