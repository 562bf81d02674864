-- Counter entries not yet folded into counter (docs/architecture.md, "Reporting: counters kept at write
-- time"). A consumed batch appends its day deltas here with COPY — no key to look up, no row shared with
-- the next batch, and no index to keep: the folder keeps the table small, so a read sums it per series
-- in one scan — with the epoch days of their month and year; the folder moves them into counter's day,
-- month and year buckets, summed over many batches, in one transaction. Reads add what is still here,
-- so a figure is the same before and after a fold.
CREATE TABLE counter_pending (
    series   INTEGER  NOT NULL,
    day      INTEGER  NOT NULL,
    month    INTEGER  NOT NULL,
    year     INTEGER  NOT NULL,
    entered  BIGINT   NOT NULL,
    exited   BIGINT   NOT NULL
);
