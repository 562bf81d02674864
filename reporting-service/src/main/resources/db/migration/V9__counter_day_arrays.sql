-- A month's day buckets in the month's row (docs/architecture.md, "Reporting: counters kept at write time").
-- Day buckets were 95 % of the counters' rows (2.1 M at 1,000,000 organizations), and a fold upserted one row
-- per day touched besides its month's and year's: the fold cost as much CPU as applying the events. A month
-- row now carries its days' counts as two arrays of 31 (day of month 1..31; days past the month's end stay 0)
-- beside the month's totals; a fold adds to one row per month and year touched. The totals stay in the key's
-- index (V8: reads of whole months and years are index-only); the arrays are read only for a period that
-- starts or ends inside a month, one row per series. Nothing writes a stripe other than 0 since V7, so the
-- stripes are summed and the column goes. Pending entries no longer need their month and year (the folder
-- rolls them up itself); the columns stay, nullable, so that a replica of the previous release still appends
-- its batches during a rollout (its folds fail and are retried until it is replaced; the new replica folds
-- its entries); a later release drops them.
CREATE TABLE counter_v9 (
    series       INTEGER    NOT NULL,
    grain        SMALLINT   NOT NULL,
    bucket       INTEGER    NOT NULL,
    entered      BIGINT     NOT NULL,
    exited       BIGINT     NOT NULL,
    day_entered  INTEGER[],
    day_exited   INTEGER[],
    CHECK ((grain = 1) = (day_entered IS NOT NULL AND day_exited IS NOT NULL))
) WITH (fillfactor = 80);

INSERT INTO counter_v9 (series, grain, bucket, entered, exited, day_entered, day_exited)
WITH days AS (
    SELECT series, bucket, sum(entered) AS entered, sum(exited) AS exited FROM counter WHERE grain = 0 GROUP BY 1, 2
), months AS (
    SELECT series, bucket, sum(entered) AS entered, sum(exited) AS exited FROM counter WHERE grain = 1 GROUP BY 1, 2
)
SELECT m.series, 1, m.bucket, m.entered, m.exited,
    array_agg(coalesce(d.entered, 0)::int ORDER BY i), array_agg(coalesce(d.exited, 0)::int ORDER BY i)
FROM months m CROSS JOIN generate_series(0, 30) i
LEFT JOIN days d ON d.series = m.series AND d.bucket = m.bucket + i
    AND date_trunc('month', DATE '1970-01-01' + d.bucket) = DATE '1970-01-01' + m.bucket
GROUP BY m.series, m.bucket, m.entered, m.exited;

INSERT INTO counter_v9 (series, grain, bucket, entered, exited)
SELECT series, grain, bucket, sum(entered), sum(exited) FROM counter WHERE grain = 2 GROUP BY 1, 2, 3;

DROP TABLE counter;
ALTER TABLE counter_v9 RENAME TO counter;
ALTER TABLE counter ADD CONSTRAINT counter_pkey PRIMARY KEY (series, grain, bucket) INCLUDE (entered, exited);
-- a rebuild that a replica of the previous release is running fills shadow tables of the old shape: without
-- them it fails instead of swapping them in
DROP TABLE IF EXISTS counter_rebuild_shadow;

ALTER TABLE counter_pending ALTER COLUMN month DROP NOT NULL, ALTER COLUMN year DROP NOT NULL;
DROP TABLE IF EXISTS counter_pending_rebuild_shadow;
