-- One row per browser sign-in: its random id is kept in the browser's session, and every request of a
-- signed-in session reads its row by that id, so a sign-in ended on one server (signing out, the account's
-- second factor reset) is over on every server at once, whatever copies of the session they hold
-- (docs/security.md W3). The account's organisation is kept as it was at sign-in, for the record.
-- One script for H2 and PostgreSQL: only portable types and syntax.

CREATE TABLE browser_sign_in (
    id              VARCHAR(64) NOT NULL PRIMARY KEY,
    account_id      VARCHAR(36) NOT NULL REFERENCES account (id),
    organisation_id VARCHAR(36) REFERENCES organisation (id),
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX browser_sign_in_account ON browser_sign_in (account_id);
