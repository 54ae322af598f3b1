-- Reviews: the case (reference and pseudonym only; the child is never named), its boards and
-- organisations, key dates, the SCR decision, statutory clocks and appointments.
-- One script for H2 and PostgreSQL: only portable types and syntax.

CREATE TABLE review (
    id                     VARCHAR(36)   NOT NULL PRIMARY KEY,
    type                   VARCHAR(30)   NOT NULL,
    reference              VARCHAR(60)   NOT NULL,
    pseudonym              VARCHAR(40)   NOT NULL,
    lead_lscb_id           VARCHAR(36)   NOT NULL REFERENCES organisation (id),
    status                 VARCHAR(30)   NOT NULL,
    incident_date          DATE,
    death_date             DATE,
    notification_date      DATE,
    registration_date      DATE,
    initiated_date         DATE,
    age_at_death_years     INTEGER,
    death_unexpected       BOOLEAN,
    death_at_home          BOOLEAN,
    death_abroad           BOOLEAN,
    death_in_custody       BOOLEAN,
    looked_after           BOOLEAN       NOT NULL,
    scr_abuse_or_neglect   BOOLEAN,
    scr_child_died         BOOLEAN,
    scr_seriously_harmed   BOOLEAN,
    scr_inter_agency       VARCHAR(10),
    scr_died_in_custody    BOOLEAN,
    scr_criteria_met       BOOLEAN,
    scr_decision           VARCHAR(30),
    scr_decision_reason    VARCHAR(2000),
    scr_decided_on         DATE,
    scr_decision_recorded_by VARCHAR(36),
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by             VARCHAR(36)   NOT NULL,
    version                BIGINT        NOT NULL,
    CONSTRAINT review_reference_unique UNIQUE (lead_lscb_id, reference)
);

CREATE TABLE review_organisation (
    review_id       VARCHAR(36) NOT NULL REFERENCES review (id),
    organisation_id VARCHAR(36) NOT NULL REFERENCES organisation (id),
    PRIMARY KEY (review_id, organisation_id)
);
CREATE INDEX review_organisation_org ON review_organisation (organisation_id);

CREATE TABLE review_cooperating_board (
    review_id VARCHAR(36) NOT NULL REFERENCES review (id),
    lscb_id   VARCHAR(36) NOT NULL REFERENCES organisation (id),
    PRIMARY KEY (review_id, lscb_id)
);
CREATE INDEX review_cooperating_board_lscb ON review_cooperating_board (lscb_id);

CREATE TABLE review_clock (
    id                 VARCHAR(36) NOT NULL PRIMARY KEY,
    review_id          VARCHAR(36) NOT NULL REFERENCES review (id),
    kind               VARCHAR(40) NOT NULL,
    started_on         DATE        NOT NULL,
    met_on             DATE,
    overdue_marked_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT review_clock_unique UNIQUE (review_id, kind)
);
CREATE INDEX review_clock_open ON review_clock (met_on, overdue_marked_at);

CREATE TABLE review_clock_pause (
    id         VARCHAR(36)   NOT NULL PRIMARY KEY,
    clock_id   VARCHAR(36)   NOT NULL REFERENCES review_clock (id),
    paused_on  DATE          NOT NULL,
    resumed_on DATE,
    reason     VARCHAR(1000) NOT NULL
);
CREATE INDEX review_clock_pause_clock ON review_clock_pause (clock_id);

CREATE TABLE review_appointment (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    review_id           VARCHAR(36)   NOT NULL REFERENCES review (id),
    role                VARCHAR(30)   NOT NULL,
    reviewer_id         VARCHAR(36)   REFERENCES reviewer (id),
    account_id          VARCHAR(36)   REFERENCES account (id),
    appointed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    appointed_by        VARCHAR(36)   NOT NULL,
    override_reason     VARCHAR(2000),
    overridden_conflicts VARCHAR(4000),
    flagged_at          TIMESTAMP WITH TIME ZONE,
    flag_reasons        VARCHAR(4000),
    ended_at            TIMESTAMP WITH TIME ZONE,
    ended_by            VARCHAR(36)
);
CREATE INDEX review_appointment_review ON review_appointment (review_id);
CREATE INDEX review_appointment_reviewer ON review_appointment (reviewer_id, ended_at);
CREATE INDEX review_appointment_account ON review_appointment (account_id, ended_at);
