-- For services that consume events (add db/inbox to quarkus.flyway.locations): the ids of the
-- events already applied, recorded in the transaction that applied them.
CREATE TABLE processed_event (
    event_id      TEXT         PRIMARY KEY,
    topic         TEXT         NOT NULL,
    subject       TEXT         NOT NULL,
    processed_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);
