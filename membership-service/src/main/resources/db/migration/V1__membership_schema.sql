-- membership-service schema. Lifecycle histories are ordered by seq; effective_on never decreases
-- along seq (enforced by the domain), so "state on day D" is the last step with effective_on <= D.

CREATE TABLE reference_item (
    kind        TEXT         NOT NULL,
    code        VARCHAR(40)  NOT NULL,
    name_zh     VARCHAR(200) NOT NULL,
    name_en     VARCHAR(300),
    retired_on  DATE,
    updated_at  TIMESTAMPTZ  NOT NULL,
    version     BIGINT       NOT NULL,
    PRIMARY KEY (kind, code)
);

CREATE TABLE organization (
    id               UUID          PRIMARY KEY,
    name_zh          VARCHAR(200)  NOT NULL,
    name_en          VARCHAR(300),
    credit_code      CHAR(18)      UNIQUE,
    kind             TEXT          NOT NULL,
    school_level     TEXT,
    enterprise_size  TEXT,
    city             VARCHAR(100)  NOT NULL,
    province         VARCHAR(100),
    country          CHAR(2)       NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL,
    updated_at       TIMESTAMPTZ   NOT NULL,
    version          BIGINT        NOT NULL
);
CREATE INDEX organization_kind ON organization (kind);

CREATE TABLE organization_industry_chain (
    organization_id  UUID         NOT NULL REFERENCES organization (id),
    chain_code       VARCHAR(40)  NOT NULL,
    PRIMARY KEY (organization_id, chain_code)
);
CREATE INDEX organization_industry_chain_code ON organization_industry_chain (chain_code);

CREATE TABLE campus (
    organization_id  UUID          NOT NULL REFERENCES organization (id),
    seq              INTEGER       NOT NULL,
    campus_id        UUID          NOT NULL UNIQUE,
    name_zh          VARCHAR(200)  NOT NULL,
    name_en          VARCHAR(300),
    city             VARCHAR(100)  NOT NULL,
    province         VARCHAR(100),
    country          CHAR(2)       NOT NULL,
    status           TEXT          NOT NULL,
    opened_on        DATE,
    PRIMARY KEY (organization_id, seq)
);

CREATE TABLE membership (
    id                 UUID         PRIMARY KEY,
    organization_id    UUID         NOT NULL REFERENCES organization (id),
    organization_kind  TEXT         NOT NULL,
    role               TEXT         NOT NULL,
    status             TEXT         NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    version            BIGINT       NOT NULL
);
-- at most one open membership per organization, even under concurrent applications
CREATE UNIQUE INDEX membership_open_per_organization ON membership (organization_id)
    WHERE status IN ('APPLIED', 'UNDER_REVIEW', 'ACTIVE', 'SUSPENDED');

CREATE TABLE membership_sub_alliance (
    membership_id  UUID         NOT NULL REFERENCES membership (id),
    alliance_code  VARCHAR(40)  NOT NULL,
    PRIMARY KEY (membership_id, alliance_code)
);

CREATE TABLE membership_transition (
    membership_id  UUID          NOT NULL REFERENCES membership (id),
    seq            INTEGER       NOT NULL,
    status         TEXT          NOT NULL,
    action         TEXT          NOT NULL,
    effective_on   DATE          NOT NULL,
    reason         VARCHAR(500),
    recorded_at    TIMESTAMPTZ   NOT NULL,
    recorded_by    TEXT,
    PRIMARY KEY (membership_id, seq)
);

CREATE TABLE cooperation_agreement (
    id           UUID           PRIMARY KEY,
    title        VARCHAR(300)   NOT NULL,
    kind         TEXT           NOT NULL,
    summary      VARCHAR(4000),
    valid_from   DATE,
    valid_until  DATE,
    supersedes   UUID           REFERENCES cooperation_agreement (id),
    status       TEXT           NOT NULL,
    created_at   TIMESTAMPTZ    NOT NULL,
    version      BIGINT         NOT NULL
);

CREATE TABLE agreement_party (
    agreement_id     UUID  NOT NULL REFERENCES cooperation_agreement (id),
    organization_id  UUID  NOT NULL REFERENCES organization (id),
    PRIMARY KEY (agreement_id, organization_id)
);
CREATE INDEX agreement_party_organization ON agreement_party (organization_id);

CREATE TABLE agreement_transition (
    agreement_id  UUID          NOT NULL REFERENCES cooperation_agreement (id),
    seq           INTEGER       NOT NULL,
    status        TEXT          NOT NULL,
    action        TEXT          NOT NULL,
    effective_on  DATE          NOT NULL,
    reason        VARCHAR(500),
    recorded_at   TIMESTAMPTZ   NOT NULL,
    recorded_by   TEXT,
    PRIMARY KEY (agreement_id, seq)
);

CREATE TABLE recognition (
    id                      UUID          PRIMARY KEY,
    holder_organization_id  UUID          REFERENCES organization (id),
    title_zh                VARCHAR(300)  NOT NULL,
    title_en                VARCHAR(300),
    level                   TEXT          NOT NULL,
    granted_by              VARCHAR(200),
    awarded_on              DATE          NOT NULL,
    valid_until             DATE,
    status                  TEXT          NOT NULL,
    created_at              TIMESTAMPTZ   NOT NULL,
    version                 BIGINT        NOT NULL
);

CREATE TABLE recognition_transition (
    recognition_id  UUID          NOT NULL REFERENCES recognition (id),
    seq             INTEGER       NOT NULL,
    status          TEXT          NOT NULL,
    action          TEXT          NOT NULL,
    effective_on    DATE          NOT NULL,
    reason          VARCHAR(500),
    recorded_at     TIMESTAMPTZ   NOT NULL,
    recorded_by     TEXT,
    PRIMARY KEY (recognition_id, seq)
);
