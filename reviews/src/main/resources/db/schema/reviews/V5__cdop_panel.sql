-- Whether a first-year death was neonatal (the statistics' age bands [28]; never the age in days, which with the
-- day of death would give the date of birth). The child death overview panel's work on a review [27]: the coded analysis (category of death with its scheme,
-- the level of influence in each of the four domains with the scale's version, the judgement on modifiable
-- factors), its recommendations, the SCR referral linking a child death review and the SCR it opened, the day a
-- review was completed, and the day a completed review's unmet clock stopped. Only codes and short recommendation
-- lines are stored in clear; the narrative stays in the encrypted documents.
-- One script for H2 and PostgreSQL: only portable types and syntax.

ALTER TABLE review ADD COLUMN death_neonatal BOOLEAN;
ALTER TABLE review ADD COLUMN cdop_category_code INTEGER;
ALTER TABLE review ADD COLUMN cdop_category_scheme VARCHAR(40);
ALTER TABLE review ADD COLUMN cdop_factor_scale VARCHAR(40);
ALTER TABLE review ADD COLUMN cdop_intrinsic VARCHAR(30);
ALTER TABLE review ADD COLUMN cdop_social_environment VARCHAR(30);
ALTER TABLE review ADD COLUMN cdop_physical_environment VARCHAR(30);
ALTER TABLE review ADD COLUMN cdop_service_provision VARCHAR(30);
ALTER TABLE review ADD COLUMN cdop_modifiable VARCHAR(30);
ALTER TABLE review ADD COLUMN cdop_analysed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE review ADD COLUMN cdop_analysed_by VARCHAR(36);
ALTER TABLE review ADD COLUMN scr_referral_review_id VARCHAR(36);
ALTER TABLE review ADD COLUMN referred_from_review_id VARCHAR(36);
ALTER TABLE review ADD COLUMN completed_on DATE;
CREATE INDEX review_completed ON review (lead_lscb_id, type, completed_on);

ALTER TABLE review_clock ADD COLUMN stopped_on DATE;

CREATE TABLE review_cdop_recommendation (
    review_id       VARCHAR(36)  NOT NULL REFERENCES review (id),
    rec_order       INTEGER      NOT NULL,
    rec_text        VARCHAR(280) NOT NULL,
    organisation_id VARCHAR(36)  NOT NULL REFERENCES organisation (id),
    PRIMARY KEY (review_id, rec_order)
);
