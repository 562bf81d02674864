-- Counter entries not yet folded into counter (docs/architecture.md, "Reporting: counters kept at write
-- time"). A consumed batch appends its day deltas here with COPY — no key to look up, no row shared with
-- the next batch — with the epoch days of their month and year; the folder moves them into counter's
-- day, month and year buckets, summed over many batches, in one transaction. Reads add what is still
-- here (an index range scan per series: a scan of the whole table would read the pages of every entry
-- folded since the last vacuum), so a figure is the same before and after a fold.
CREATE TABLE counter_pending (
    series   INTEGER  NOT NULL,
    day      INTEGER  NOT NULL,
    month    INTEGER  NOT NULL,
    year     INTEGER  NOT NULL,
    entered  BIGINT   NOT NULL,
    exited   BIGINT   NOT NULL
);
CREATE INDEX counter_pending_series_day ON counter_pending (series, day);
