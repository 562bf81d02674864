-- apprenticeship-service schema. Every aggregate's dated lifecycle lives in lifecycle_transition
-- (aggregate ids are UUIDv7, unique across aggregates), ordered by seq; effective_on never
-- decreases along seq (enforced by the domain).

-- ---------------------------------------------------------------- member directory (replica)
CREATE TABLE directory_organization (
    id          UUID         PRIMARY KEY,
    kind        TEXT         NOT NULL,
    name_zh     TEXT         NOT NULL,
    name_en     TEXT,
    version     BIGINT       NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);

CREATE TABLE directory_membership (
    id                 UUID         PRIMARY KEY,
    organization_id    UUID         NOT NULL,
    organization_kind  TEXT         NOT NULL,
    status             TEXT         NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    version            BIGINT       NOT NULL
);
CREATE INDEX directory_membership_organization ON directory_membership (organization_id, created_at DESC);

CREATE TABLE directory_reference_item (
    kind        TEXT         NOT NULL,
    code        TEXT         NOT NULL,
    name_zh     TEXT         NOT NULL,
    name_en     TEXT,
    retired_on  DATE,
    version     BIGINT       NOT NULL,
    PRIMARY KEY (kind, code)
);

-- ---------------------------------------------------------------- lifecycles
CREATE TABLE lifecycle_transition (
    aggregate_id  UUID          NOT NULL,
    seq           INTEGER       NOT NULL,
    status        TEXT          NOT NULL,
    action        TEXT          NOT NULL,
    effective_on  DATE          NOT NULL,
    reason        VARCHAR(500),
    recorded_at   TIMESTAMPTZ   NOT NULL,
    recorded_by   TEXT,
    PRIMARY KEY (aggregate_id, seq)
);

-- ---------------------------------------------------------------- specialties
CREATE TABLE specialty (
    id            UUID          PRIMARY KEY,
    school_id     UUID          NOT NULL,
    code          VARCHAR(20)   NOT NULL,
    name_zh       VARCHAR(200)  NOT NULL,
    name_en       VARCHAR(300),
    cluster_code  VARCHAR(40)   NOT NULL,
    status        TEXT          NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL,
    version       BIGINT        NOT NULL,
    UNIQUE (school_id, code)
);

CREATE TABLE specialty_designation (
    specialty_id    UUID          NOT NULL REFERENCES specialty (id),
    seq             INTEGER       NOT NULL,
    designation_id  UUID          NOT NULL,
    level           TEXT          NOT NULL,
    kind            TEXT          NOT NULL,
    title           VARCHAR(300),
    valid_from      DATE          NOT NULL,
    valid_until     DATE,
    PRIMARY KEY (specialty_id, seq)
);

-- ---------------------------------------------------------------- programs
CREATE TABLE program (
    id               UUID           PRIMARY KEY,
    kind             TEXT           NOT NULL,
    title_zh         VARCHAR(300)   NOT NULL,
    title_en         VARCHAR(300),
    school_id        UUID           NOT NULL,
    duration_months  INTEGER        NOT NULL,
    plan_summary     VARCHAR(4000),
    status           TEXT           NOT NULL,
    created_at       TIMESTAMPTZ    NOT NULL,
    version          BIGINT         NOT NULL
);

CREATE TABLE program_partner (
    program_id       UUID  NOT NULL REFERENCES program (id),
    organization_id  UUID  NOT NULL,
    PRIMARY KEY (program_id, organization_id)
);

CREATE TABLE program_specialty (
    program_id    UUID  NOT NULL REFERENCES program (id),
    specialty_id  UUID  NOT NULL REFERENCES specialty (id),
    PRIMARY KEY (program_id, specialty_id)
);

CREATE TABLE program_module (
    program_id  UUID          NOT NULL REFERENCES program (id),
    seq         INTEGER       NOT NULL,
    code        VARCHAR(40)   NOT NULL,
    title       VARCHAR(300)  NOT NULL,
    location    TEXT          NOT NULL,
    hours       INTEGER       NOT NULL,
    PRIMARY KEY (program_id, seq)
);

-- ---------------------------------------------------------------- cohorts
CREATE TABLE cohort (
    id                  UUID          PRIMARY KEY,
    program_id          UUID          NOT NULL REFERENCES program (id),
    school_id           UUID          NOT NULL,
    name_zh             VARCHAR(200)  NOT NULL,
    name_en             VARCHAR(300),
    batch_number        INTEGER       NOT NULL,
    previous_cohort_id  UUID          REFERENCES cohort (id),
    starts_on           DATE          NOT NULL,
    ends_on             DATE,
    status              TEXT          NOT NULL,
    created_at          TIMESTAMPTZ   NOT NULL,
    version             BIGINT        NOT NULL
);
CREATE INDEX cohort_school ON cohort (school_id);

-- one row per participating enterprise: the row enrollments lock to take one of its places
CREATE TABLE cohort_enterprise (
    cohort_id      UUID     NOT NULL REFERENCES cohort (id),
    enterprise_id  UUID     NOT NULL,
    places         INTEGER  NOT NULL CHECK (places > 0),
    PRIMARY KEY (cohort_id, enterprise_id)
);
CREATE INDEX cohort_enterprise_enterprise ON cohort_enterprise (enterprise_id);

-- ---------------------------------------------------------------- enrollments
CREATE TABLE enrollment (
    id                       UUID          PRIMARY KEY,
    cohort_id                UUID          NOT NULL REFERENCES cohort (id),
    program_id               UUID          NOT NULL REFERENCES program (id),
    school_id                UUID          NOT NULL,
    enterprise_id            UUID          NOT NULL,
    student_number           VARCHAR(40)   NOT NULL,
    student_name_zh          VARCHAR(100)  NOT NULL,
    student_name_en          VARCHAR(200),
    apprentice_number        VARCHAR(40),
    in_probation             BOOLEAN       NOT NULL,
    withdrawal_reason        TEXT,
    withdrawal_note          VARCHAR(500),
    continues_enrollment_id  UUID          REFERENCES enrollment (id),
    agreement_version        INTEGER       NOT NULL,
    status                   TEXT          NOT NULL,
    created_at               TIMESTAMPTZ   NOT NULL,
    version                  BIGINT        NOT NULL
);
CREATE INDEX enrollment_places ON enrollment (cohort_id, enterprise_id) WHERE status <> 'WITHDRAWN';
CREATE INDEX enrollment_school ON enrollment (school_id);
CREATE INDEX enrollment_enterprise ON enrollment (enterprise_id);
-- a student holds at most one open enrollment per cohort, even under concurrent requests
CREATE UNIQUE INDEX enrollment_student_per_cohort ON enrollment (cohort_id, student_number)
    WHERE status <> 'WITHDRAWN';

CREATE TABLE agreement_section (
    enrollment_id       UUID           NOT NULL REFERENCES enrollment (id),
    seq                 INTEGER        NOT NULL,
    section             TEXT           NOT NULL,
    content             VARCHAR(4000)  NOT NULL,
    revised_in_version  INTEGER        NOT NULL,
    PRIMARY KEY (enrollment_id, seq)
);

CREATE TABLE agreement_confirmation (
    enrollment_id      UUID     NOT NULL REFERENCES enrollment (id),
    seq                INTEGER  NOT NULL,
    section            TEXT     NOT NULL,
    party              TEXT     NOT NULL,
    confirmed_version  INTEGER  NOT NULL,
    confirmed_on       DATE     NOT NULL,
    confirmed_by       TEXT,
    PRIMARY KEY (enrollment_id, seq)
);

CREATE TABLE agreement_revision (
    enrollment_id      UUID     NOT NULL REFERENCES enrollment (id),
    seq                INTEGER  NOT NULL,
    agreement_version  INTEGER  NOT NULL,
    changed_sections   TEXT     NOT NULL,
    revised_on         DATE     NOT NULL,
    revised_by         TEXT,
    PRIMARY KEY (enrollment_id, seq)
);

CREATE TABLE staff_assignment (
    enrollment_id  UUID          NOT NULL REFERENCES enrollment (id),
    seq            INTEGER       NOT NULL,
    role           TEXT          NOT NULL,
    name           VARCHAR(100)  NOT NULL,
    staff_number   VARCHAR(40),
    valid_from     DATE          NOT NULL,
    valid_until    DATE,
    PRIMARY KEY (enrollment_id, seq)
);

-- ---------------------------------------------------------------- facilities
CREATE TABLE facility (
    id          UUID          PRIMARY KEY,
    type        TEXT          NOT NULL,
    name_zh     VARCHAR(200)  NOT NULL,
    name_en     VARCHAR(300),
    level       TEXT          NOT NULL,
    capacity    INTEGER       NOT NULL,
    focus       VARCHAR(200),
    status      TEXT          NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL,
    version     BIGINT        NOT NULL
);

CREATE TABLE facility_host (
    facility_id      UUID  NOT NULL REFERENCES facility (id),
    organization_id  UUID  NOT NULL,
    PRIMARY KEY (facility_id, organization_id)
);
CREATE INDEX facility_host_organization ON facility_host (organization_id);
