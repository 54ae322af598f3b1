-- Key backups: a person's private key wrapped in their browser under a passphrase the server never sees
-- (PBKDF2-SHA256, AES-256-GCM; org.lscb.exchange.pki.WrappedKey), beside the certificate of that key. One per
-- account, keyed by the account. Byte values are base64 text.
-- One script for H2 and PostgreSQL: only portable types and syntax.

CREATE TABLE key_backup (
    account_id     VARCHAR(36)    NOT NULL PRIMARY KEY REFERENCES account (id),
    certificate_id VARCHAR(40)    NOT NULL REFERENCES certificate (id),
    format         VARCHAR(40)    NOT NULL,
    kdf            VARCHAR(40)    NOT NULL,
    iterations     INTEGER        NOT NULL,
    salt           VARCHAR(24)    NOT NULL,
    nonce          VARCHAR(16)    NOT NULL,
    ciphertext     VARCHAR(21848) NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
