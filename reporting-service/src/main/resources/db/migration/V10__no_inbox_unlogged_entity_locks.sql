-- The consumer keeps no inbox (docs/architecture.md, "Reporting: counters kept at write time"): every event carries
-- its aggregate's whole state and version, and a version not newer than the stored one changes nothing, so a
-- redelivery is harmless without it; recording every event's id was an index insert per event, and a table
-- for autovacuum and the purge job, to spare the work of rare redeliveries. (The commons purge job skips a
-- service without the table.) A replica of the previous release fails its batches from here on, and retries them,
-- until it is replaced.
DROP TABLE processed_event;

-- A lock row means nothing once its transaction ends (rows are inserted on demand, ON CONFLICT DO NOTHING), so
-- the table needs no write-ahead log: after a crash PostgreSQL empties it, and the rows come back as needed.
-- Its rows are emptied first, so that the change does not copy them.
TRUNCATE entity_lock;
ALTER TABLE entity_lock SET UNLOGGED;
