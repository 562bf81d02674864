-- Bulk loads of data through the public API (the run command's demo loader), announced by whoever runs them:
-- while one is LOADING, the annual report says its figures are partial.
CREATE TABLE data_load (
    name        TEXT        PRIMARY KEY,
    state       TEXT        NOT NULL CHECK (state IN ('LOADING', 'DONE')),
    changed_at  TIMESTAMPTZ NOT NULL,
    changed_by  TEXT        NOT NULL
);
