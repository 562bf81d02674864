-- An event Kafka refuses for good (e.g. larger than the broker accepts) is parked, not retried
-- forever at the head of every batch: the relay sets parked_at and the error, and moves on.
-- Ops look at, fix and requeue or delete parked rows (docs/operations.md, "Parked events").
ALTER TABLE outbox_event ADD COLUMN parked_at TIMESTAMPTZ;
ALTER TABLE outbox_event ADD COLUMN parked_error TEXT;
CREATE INDEX outbox_event_unparked ON outbox_event (seq) WHERE parked_at IS NULL;
