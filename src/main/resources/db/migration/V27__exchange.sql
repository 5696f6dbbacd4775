-- 数据共享 (tongban.exchange): the resource catalogue, records (encrypted, found by a keyed blind index of the
-- subject's ID number or USCC), grants, the department systems' clients, every read, and reports of reads.
CREATE TABLE exchange_resource (
  code                     text        PRIMARY KEY,
  name                     text        NOT NULL,
  provider_department_code text        NOT NULL,
  subject_kind             text        NOT NULL CHECK (subject_kind IN ('PERSON', 'COMPANY')),
  sharing_class            text        NOT NULL CHECK (sharing_class IN ('UNCONDITIONAL', 'CONDITIONAL', 'NONE')),
  update_frequency         text        NOT NULL,
  legal_basis              text        NOT NULL,
  providing_system         text        NOT NULL,
  fields                   jsonb       NOT NULL,
  created_at               timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE exchange_record (
  resource_code text        NOT NULL REFERENCES exchange_resource (code),
  subject_index text        NOT NULL,
  data          text        NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (resource_code, subject_index)
);

CREATE TABLE exchange_grant (
  id                       uuid        PRIMARY KEY,
  resource_code            text        NOT NULL REFERENCES exchange_resource (code),
  consumer_department_code text        NOT NULL,
  fields                   text[]      NOT NULL,
  purpose                  text        NOT NULL,
  legal_basis              text        NOT NULL,
  status                   text        NOT NULL CHECK (status IN ('REQUESTED', 'GRANTED', 'DENIED', 'REVOKED')),
  valid_until              date        NOT NULL,
  requested_by             text        NOT NULL,
  decided_by               text,
  decided_at               timestamptz,
  reason                   text,
  created_at               timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX exchange_grant_consumer_idx ON exchange_grant (consumer_department_code, resource_code);

-- which department a department system (an OAuth2 client with the exchange scope) reads for
CREATE TABLE exchange_client (
  client_id       text PRIMARY KEY,
  department_code text NOT NULL,
  rate_per_second int  NOT NULL DEFAULT 1000 CHECK (rate_per_second > 0)
);

CREATE TABLE exchange_access (
  id                       bigserial   PRIMARY KEY,
  at                       timestamptz NOT NULL DEFAULT now(),
  subject_index            text        NOT NULL,
  resource_code            text        NOT NULL,
  consumer_department_code text        NOT NULL,
  client_id                text,
  staff_id                 text,
  staff_name               text,
  fields                   text[]      NOT NULL,
  purpose                  text        NOT NULL,
  case_number              text        NOT NULL,
  outcome                  text        NOT NULL CHECK (outcome IN ('SERVED', 'REVEALED', 'PREFILL'))
);
CREATE INDEX exchange_access_subject_idx ON exchange_access (subject_index, at DESC);

CREATE TABLE exchange_report (
  id               uuid        PRIMARY KEY,
  access_id        bigint      NOT NULL REFERENCES exchange_access (id),
  reporter_account uuid        NOT NULL,
  region_code      text        NOT NULL,
  reason           text        NOT NULL,
  status           text        NOT NULL CHECK (status IN ('OPEN', 'ANSWERED')),
  answer           text,
  answered_by      text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  answered_at      timestamptz,
  UNIQUE (access_id, reporter_account)
);
CREATE INDEX exchange_report_region_idx ON exchange_report (region_code, status, created_at);
