-- Receipts: a recipient acknowledges a document (the coroner's receipt of a joint report).

CREATE TABLE document_receipt (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    document_id  VARCHAR(36)   NOT NULL REFERENCES document (id),
    account_id   VARCHAR(36)   NOT NULL REFERENCES account (id),
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    sha256       VARCHAR(64)   NOT NULL,
    signature    VARCHAR(16000),
    CONSTRAINT document_receipt_unique UNIQUE (document_id, account_id)
);
