-- Counters kept current at write time (docs/architecture.md, "Reporting: counters"). For every
-- figure and slice (dimension '' / value '' is the figure's total), how many distinct entities came
-- in and went out, dated, at three grains: the day (grain 0), its month (grain 1, bucket = first of
-- the month) and its year (grain 2, bucket = 1 January). The count on day D is a sum over at most
-- the years before D's year, the months of D's year before D's month and the days of D's month up
-- to D: its cost does not grow with the number of entities or with the length of the history.
CREATE TABLE figure_count (
    figure     TEXT      NOT NULL,
    grain      SMALLINT  NOT NULL,
    bucket     DATE      NOT NULL,
    dimension  TEXT      NOT NULL,
    value      TEXT      NOT NULL,
    entered    BIGINT    NOT NULL,
    exited     BIGINT    NOT NULL,
    PRIMARY KEY (figure, grain, bucket, dimension, value)
);

-- The readers of the projection table look rows up by key or by a reference, never scan it whole.
DROP INDEX projection_txid;
ALTER TABLE projection DROP COLUMN txid;
CREATE INDEX projection_membership_organization ON projection ((data ->> 'organizationId'))
    WHERE topic = 'zhijiao.membership.memberships';
CREATE INDEX projection_enrollment_cohort ON projection ((data ->> 'cohortId'))
    WHERE topic = 'zhijiao.apprenticeship.enrollments';
CREATE INDEX projection_enrollment_program ON projection ((data ->> 'programId'))
    WHERE topic = 'zhijiao.apprenticeship.enrollments';
CREATE INDEX projection_enrollment_enterprise ON projection ((data ->> 'enterpriseId'))
    WHERE topic = 'zhijiao.apprenticeship.enrollments';

-- Which cohorts list an enterprise (the enterprisesInCohorts figure counts per enterprise).
CREATE TABLE cohort_enterprise (
    enterprise_id  TEXT  NOT NULL,
    cohort_id      TEXT  NOT NULL,
    PRIMARY KEY (enterprise_id, cohort_id)
);
CREATE INDEX cohort_enterprise_cohort ON cohort_enterprise (cohort_id);

-- +1 with every change to the figures (an applied batch, a rebuild's switch, a dataset), so cached
-- reports know when they are stale.
CREATE TABLE figures_revision (
    id        INTEGER  PRIMARY KEY CHECK (id = 1),
    revision  BIGINT   NOT NULL
);
INSERT INTO figures_revision VALUES (1, 0);
DROP TABLE projection_epoch;

-- A rebuild holds a lease it renews while it works; one whose lease ran out (its replica died) is
-- failed by the next request or start, so it never blocks later rebuilds.
ALTER TABLE projection_rebuild ADD COLUMN lease_until TIMESTAMPTZ;
ALTER TABLE projection_rebuild ADD COLUMN phase TEXT;
UPDATE projection_rebuild SET state = 'FAILED', error = 'abandoned before the upgrade' WHERE state = 'RUNNING';

-- One row per counted entity (and per cohort/program others depend on), locked by the transaction
-- that recounts it, so that two consumers never recount the same entity from different states.
CREATE TABLE entity_lock (
    family  TEXT  NOT NULL,
    entity  TEXT  NOT NULL,
    PRIMARY KEY (family, entity)
);
ALTER TABLE figures_revision ADD COLUMN counters_built BOOLEAN NOT NULL DEFAULT false;
