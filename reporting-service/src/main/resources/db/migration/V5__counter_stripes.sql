-- Counter stripes (docs/architecture.md, "Reporting: counters kept at write time"). The consumer applies
-- a poll in parallel lanes, each in its own transaction; were they to add to the same counter rows (a
-- figure's month and year buckets are shared by every entity counted in them), each lane would wait
-- for the other's commit. So each lane adds to its own stripe of a bucket and a read sums the stripes
-- (its range scans already sum every row of a bucket range). The rebuild writes stripe 0.
ALTER TABLE counter ADD COLUMN stripe SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE counter DROP CONSTRAINT counter_pkey;
ALTER TABLE counter ADD PRIMARY KEY (series, grain, bucket, stripe);
