-- Reviewer registry: profiles, evidence of qualification, affiliations, declared interests.
-- One script for H2 and PostgreSQL: only portable types and syntax.

CREATE TABLE reviewer (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    account_id   VARCHAR(36)   REFERENCES account (id),
    display_name VARCHAR(200)  NOT NULL,
    summary      VARCHAR(4000),
    available    BOOLEAN       NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      BIGINT        NOT NULL,
    -- the board whose officer put the reviewer on the register: its officers may keep the profile
    registered_by_board VARCHAR(36),
    CONSTRAINT reviewer_account_unique UNIQUE (account_id)
);
CREATE INDEX reviewer_updated ON reviewer (updated_at);

CREATE TABLE reviewer_expertise (
    reviewer_id VARCHAR(36) NOT NULL REFERENCES reviewer (id),
    area        VARCHAR(40) NOT NULL,
    PRIMARY KEY (reviewer_id, area)
);

CREATE TABLE reviewer_skill (
    reviewer_id VARCHAR(36) NOT NULL REFERENCES reviewer (id),
    skill       VARCHAR(40) NOT NULL,
    PRIMARY KEY (reviewer_id, skill)
);

CREATE TABLE reviewer_region (
    reviewer_id VARCHAR(36) NOT NULL REFERENCES reviewer (id),
    region      VARCHAR(40) NOT NULL,
    PRIMARY KEY (reviewer_id, region)
);

CREATE TABLE reviewer_evidence (
    id                VARCHAR(36)   NOT NULL PRIMARY KEY,
    reviewer_id       VARCHAR(36)   NOT NULL REFERENCES reviewer (id),
    type              VARCHAR(20)   NOT NULL,
    title             VARCHAR(300)  NOT NULL,
    issuer            VARCHAR(200),
    evidence_date     DATE          NOT NULL,
    expires           DATE,
    document_id       VARCHAR(36),
    verified_by       VARCHAR(36),
    verified_at       TIMESTAMP WITH TIME ZONE,
    verification_note VARCHAR(1000),
    withdrawn_at      TIMESTAMP WITH TIME ZONE,
    -- who withdrew a verification; a new verification reverses it
    withdrawn_by      VARCHAR(36)
);
CREATE INDEX reviewer_evidence_reviewer ON reviewer_evidence (reviewer_id);

CREATE TABLE reviewer_affiliation (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    reviewer_id     VARCHAR(36)  NOT NULL REFERENCES reviewer (id),
    organisation_id VARCHAR(36)  NOT NULL REFERENCES organisation (id),
    kind            VARCHAR(20)  NOT NULL,
    role            VARCHAR(200),
    date_from       DATE         NOT NULL,
    date_to         DATE
);
CREATE INDEX reviewer_affiliation_reviewer ON reviewer_affiliation (reviewer_id);
CREATE INDEX reviewer_affiliation_organisation ON reviewer_affiliation (organisation_id, date_to);

CREATE TABLE reviewer_interest (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    reviewer_id     VARCHAR(36)   NOT NULL REFERENCES reviewer (id),
    description     VARCHAR(1000) NOT NULL,
    organisation_id VARCHAR(36)   REFERENCES organisation (id),
    review_id       VARCHAR(36),
    declared_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX reviewer_interest_reviewer ON reviewer_interest (reviewer_id);
