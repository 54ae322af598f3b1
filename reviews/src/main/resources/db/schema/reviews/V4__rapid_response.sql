-- The rapid response to an unexpected child death [32-39]: the time of death, a clock that runs from a time (the
-- visit decision's 24 hours [32]), the visit decision and the post-mortem. Only times, dates, yes-or-no answers and
-- the reason for not visiting: the narrative stays in encrypted documents.
-- One script for H2 and PostgreSQL: only portable types and syntax.

ALTER TABLE review ADD COLUMN died_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE review ADD COLUMN visit_decision VARCHAR(20);
ALTER TABLE review ADD COLUMN visit_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE review ADD COLUMN visit_reason VARCHAR(1000);
ALTER TABLE review ADD COLUMN visit_recorded_by VARCHAR(36);
ALTER TABLE review ADD COLUMN visit_recorded_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE review ADD COLUMN post_mortem_final_on DATE;
ALTER TABLE review ADD COLUMN inquest_opened BOOLEAN;
ALTER TABLE review ADD COLUMN post_mortem_abuse_or_neglect BOOLEAN;
ALTER TABLE review ADD COLUMN case_discussion_on DATE;
ALTER TABLE review ADD COLUMN post_mortem_recorded_by VARCHAR(36);
ALTER TABLE review ADD COLUMN post_mortem_recorded_at TIMESTAMP WITH TIME ZONE;

ALTER TABLE review_clock ADD COLUMN started_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE review_clock ADD COLUMN met_at TIMESTAMP WITH TIME ZONE;

-- a notified death's time, from the notification that opened its review
UPDATE review SET died_at = (
    SELECT n.died_at FROM child_death_notification n
    WHERE n.review_id = review.id AND n.opened_child_key IS NOT NULL)
WHERE died_at IS NULL;

-- a visit clock already running starts at the time of death when it is known; otherwise at the start of the day
-- of death in the database's own time zone (at worst an hour out, as England's clocks change)
UPDATE review_clock SET started_at = (
    SELECT r.died_at FROM review r WHERE r.id = review_clock.review_id)
WHERE kind = 'HOME_VISIT';
UPDATE review_clock SET started_at = CAST(started_on AS TIMESTAMP WITH TIME ZONE)
WHERE kind = 'HOME_VISIT' AND started_at IS NULL;
UPDATE review_clock SET met_at = CAST(met_on AS TIMESTAMP WITH TIME ZONE)
WHERE kind = 'HOME_VISIT' AND met_on IS NOT NULL;
