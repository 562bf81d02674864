-- Shared by every service that publishes events or accepts Idempotency-Key (see zhijiao-commons).

CREATE TABLE outbox_event (
    seq         BIGSERIAL    PRIMARY KEY,
    event_id    TEXT         NOT NULL,
    topic       TEXT         NOT NULL,
    record_key  TEXT         NOT NULL,
    payload     TEXT         NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);

CREATE TABLE idempotency_record (
    caller       TEXT         NOT NULL,
    idem_key     TEXT         NOT NULL,
    fingerprint  TEXT         NOT NULL,
    status       INTEGER,
    location     TEXT,
    body         TEXT,
    created_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (caller, idem_key)
);

CREATE INDEX idempotency_record_created_at ON idempotency_record (created_at);
