-- Projections: the latest state of every aggregate heard about, one row per (topic, aggregate).
-- A row is only replaced by a newer version; txid lets readers fetch just what changed since their
-- last look (every row written by a transaction older than their snapshot's xmin was visible then).
CREATE TABLE projection (
    topic         TEXT         NOT NULL,
    aggregate_id  TEXT         NOT NULL,
    version       BIGINT       NOT NULL,
    event_id      TEXT         NOT NULL,
    event_type    TEXT         NOT NULL,
    event_time    TIMESTAMPTZ  NOT NULL,
    data          JSONB        NOT NULL,
    applied_at    TIMESTAMPTZ  NOT NULL,
    txid          XID8         NOT NULL DEFAULT pg_current_xact_id(),
    PRIMARY KEY (topic, aggregate_id)
);
CREATE INDEX projection_txid ON projection (txid);

-- How far each partition has been applied (next offset to apply), written with the projection.
CREATE TABLE applied_position (
    topic            TEXT         NOT NULL,
    partition_no     INTEGER      NOT NULL,
    next_offset      BIGINT       NOT NULL,
    last_event_time  TIMESTAMPTZ  NOT NULL,
    last_applied_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (topic, partition_no)
);

-- Bumped by every rebuild, so every replica's cached view reloads from scratch.
CREATE TABLE projection_epoch (
    id     INTEGER  PRIMARY KEY CHECK (id = 1),
    epoch  BIGINT   NOT NULL
);
INSERT INTO projection_epoch VALUES (1, 0);

CREATE TABLE projection_rebuild (
    id                UUID         PRIMARY KEY,
    state             TEXT         NOT NULL,
    requested_by      TEXT         NOT NULL,
    started_at        TIMESTAMPTZ  NOT NULL,
    finished_at       TIMESTAMPTZ,
    records_read      BIGINT       NOT NULL DEFAULT 0,
    malformed_skipped BIGINT       NOT NULL DEFAULT 0,
    error             TEXT
);
-- at most one rebuild runs at a time, whichever replica got the request
CREATE UNIQUE INDEX projection_rebuild_running ON projection_rebuild (state) WHERE state = 'RUNNING';

-- Figures no service owns, submitted by schools; a resubmission supersedes, history is kept.
CREATE TABLE dataset_submission (
    id             UUID          PRIMARY KEY,
    kind           TEXT          NOT NULL,
    school_id      UUID          NOT NULL,
    year           INTEGER       NOT NULL,
    entries        JSONB         NOT NULL,
    total          BIGINT        NOT NULL,
    source_note    VARCHAR(500)  NOT NULL,
    submitted_by   TEXT          NOT NULL,
    submitted_for  UUID,
    submitted_at   TIMESTAMPTZ   NOT NULL,
    superseded_by  UUID,
    superseded_at  TIMESTAMPTZ
);
CREATE UNIQUE INDEX dataset_submission_current ON dataset_submission (kind, school_id, year)
    WHERE superseded_by IS NULL;
CREATE INDEX dataset_submission_by_year ON dataset_submission (kind, year);
