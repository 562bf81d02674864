-- A cohort has at most one next batch: concurrent requests for it cannot both insert one.
CREATE UNIQUE INDEX cohort_one_successor ON cohort (previous_cohort_id);
