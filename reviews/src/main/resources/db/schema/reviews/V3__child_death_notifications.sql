-- Notifications of child deaths [24]: each opens a child death review, or joins the one already open for the
-- same child. The child is known only by child_key, an HMAC-SHA256 of the NHS number and the date of birth under
-- a key derived from CA_SECRET: neither is stored. opened_child_key is set on the notification that opened the
-- review only, so its uniqueness keeps two notifications of one child from opening two reviews (several NULLs
-- are allowed by both H2 and PostgreSQL).
-- One script for H2 and PostgreSQL: only portable types and syntax.

CREATE TABLE child_death_notification (
    id                       VARCHAR(36)   NOT NULL PRIMARY KEY,
    review_id                VARCHAR(36)   NOT NULL REFERENCES review (id),
    child_key                VARCHAR(64)   NOT NULL,
    opened_child_key         VARCHAR(64),
    died_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    place_of_death           VARCHAR(20)   NOT NULL,
    residence_lscb_id        VARCHAR(36)   NOT NULL REFERENCES organisation (id),
    looked_after_by_lscb_id  VARCHAR(36)   REFERENCES organisation (id),
    unexpected_said          BOOLEAN,
    what_is_known            VARCHAR(1000),
    notified_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    notified_by              VARCHAR(36)   NOT NULL,
    notifier_organisation_id VARCHAR(36)   REFERENCES organisation (id),
    CONSTRAINT child_death_notification_opened UNIQUE (opened_child_key)
);
CREATE INDEX child_death_notification_child ON child_death_notification (child_key);
CREATE INDEX child_death_notification_review ON child_death_notification (review_id);
