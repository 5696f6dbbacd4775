CREATE TABLE identity_account (
  id               uuid         PRIMARY KEY,
  kind             varchar(10)  NOT NULL CHECK (kind IN ('CITIZEN', 'STAFF')),
  display_name     varchar(100) NOT NULL,
  id_number        varchar(18)   UNIQUE,
  mobile           varchar(20)  UNIQUE,
  username         varchar(60)  UNIQUE,
  password_hash    varchar(200) NOT NULL,
  assurance_level  int          NOT NULL DEFAULT 1 CHECK (assurance_level BETWEEN 1 AND 3),
  totp_secret      varchar(64),
  department_id    uuid,
  region_scope     varchar(12),
  roles            varchar(300) NOT NULL DEFAULT '',
  failed_attempts  int          NOT NULL DEFAULT 0,
  lock_count       int          NOT NULL DEFAULT 0,
  locked_until     timestamptz,
  created_at       timestamptz  NOT NULL DEFAULT now(),
  version          bigint       NOT NULL DEFAULT 0,
  CHECK (kind <> 'CITIZEN' OR id_number IS NOT NULL),
  CHECK (kind <> 'STAFF' OR (username IS NOT NULL AND totp_secret IS NOT NULL))
);

-- Demo stand-in for the population register (人口库) used to raise an account to L2.
CREATE TABLE identity_population_register (
  id_number varchar(18)   PRIMARY KEY,
  name      varchar(100) NOT NULL
);

CREATE TABLE identity_legal_person (
  id                   uuid         PRIMARY KEY,
  uscc                 varchar(18)   NOT NULL UNIQUE,
  name                 varchar(200) NOT NULL,
  legal_rep_account_id uuid         NOT NULL REFERENCES identity_account (id),
  created_at           timestamptz  NOT NULL DEFAULT now()
);

-- 经办人授权: an agent may act for a legal person within a scope until a date.
CREATE TABLE identity_agent_grant (
  id               uuid         PRIMARY KEY,
  legal_person_id  uuid         NOT NULL REFERENCES identity_legal_person (id),
  agent_account_id uuid         NOT NULL REFERENCES identity_account (id),
  scope            varchar(500) NOT NULL,
  valid_until      date         NOT NULL,
  revoked_at       timestamptz,
  created_at       timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX identity_agent_grant_agent_idx ON identity_agent_grant (agent_account_id);

-- 代办: a citizen (principal) authorises another citizen (proxy).
CREATE TABLE identity_proxy_grant (
  id                   uuid         PRIMARY KEY,
  principal_account_id uuid         NOT NULL REFERENCES identity_account (id),
  proxy_account_id     uuid         NOT NULL REFERENCES identity_account (id),
  scope                varchar(500) NOT NULL,
  valid_until          date         NOT NULL,
  revoked_at           timestamptz,
  created_at           timestamptz  NOT NULL DEFAULT now(),
  CHECK (principal_account_id <> proxy_account_id)
);
CREATE INDEX identity_proxy_grant_principal_idx ON identity_proxy_grant (principal_account_id);
CREATE INDEX identity_proxy_grant_proxy_idx ON identity_proxy_grant (proxy_account_id);

CREATE TABLE identity_sign_in_event (
  id          bigserial    PRIMARY KEY,
  account_id  uuid         REFERENCES identity_account (id),
  at          timestamptz  NOT NULL DEFAULT now(),
  outcome     varchar(20)  NOT NULL,
  remote_addr varchar(64)
);
CREATE INDEX identity_sign_in_event_account_idx ON identity_sign_in_event (account_id, at DESC);

-- Every action names the person who acted and the party acted for.
CREATE TABLE identity_activity (
  id               bigserial    PRIMARY KEY,
  at               timestamptz  NOT NULL DEFAULT now(),
  actor_account_id uuid         NOT NULL REFERENCES identity_account (id),
  party_kind       varchar(20)  NOT NULL,
  party_id         uuid         NOT NULL,
  party_name       varchar(200) NOT NULL,
  action           varchar(60)  NOT NULL,
  detail           varchar(500)
);
CREATE INDEX identity_activity_actor_idx ON identity_activity (actor_account_id, at DESC);
CREATE INDEX identity_activity_party_idx ON identity_activity (party_id, at DESC);
