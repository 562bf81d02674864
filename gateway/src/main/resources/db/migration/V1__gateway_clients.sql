-- Registered API clients. Secrets are stored only as bcrypt hashes; revoked clients are kept for audit.
create table gateway_client (
    id                  uuid primary key,
    client_id           varchar(100) not null unique,
    name                varchar(200) not null,
    organization_id     uuid not null,
    roles               text[] not null,
    secret_hash         varchar(100) not null,
    status              varchar(16) not null check (status in ('ACTIVE', 'REVOKED')),
    rate_limit_capacity integer check (rate_limit_capacity > 0),
    rate_limit_refill   double precision check (rate_limit_refill > 0),
    created_at          timestamptz not null,
    secret_rotated_at   timestamptz not null,
    revoked_at          timestamptz,
    version             bigint not null,
    check ((rate_limit_capacity is null) = (rate_limit_refill is null))
);

create index gateway_client_organization on gateway_client (organization_id);
