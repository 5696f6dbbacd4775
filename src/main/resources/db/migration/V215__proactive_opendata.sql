-- Issue #19 §4: the open-data portal (数据开放).

-- A catalogue resource's open class (公共数据开放属性, 《浙江省公共数据条例》第五章): kept by the exchange module
-- beside its sharing class; every resource is 不予开放 until its provider's admin says otherwise.
ALTER TABLE exchange_resource ADD COLUMN open_class text NOT NULL DEFAULT 'NOT_OPEN'
  CHECK (open_class IN ('UNCONDITIONAL', 'CONDITIONAL', 'NOT_OPEN'));

-- A dataset: DCAT metadata, its source, its open class and its status (DRAFT → PUBLISHED → WITHDRAWN).
CREATE TABLE proactive_opendata_dataset (
  id                 text        PRIMARY KEY,
  title              text        NOT NULL,
  description        text        NOT NULL,
  publisher          text        NOT NULL,
  theme              text        NOT NULL,
  keywords           text[]      NOT NULL DEFAULT '{}',
  update_frequency   text        NOT NULL CHECK (update_frequency IN ('DAILY', 'WEEKLY', 'MONTHLY')),
  licence            text        NOT NULL,
  spatial            text        NOT NULL,
  temporal_from      date,
  temporal_to        date,
  source             text        NOT NULL,
  open_class         text        NOT NULL CHECK (open_class IN ('UNCONDITIONAL', 'CONDITIONAL')),
  columns            jsonb       NOT NULL,
  status             text        NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
  version            integer     NOT NULL DEFAULT 0,
  row_count          bigint      NOT NULL DEFAULT 0,
  issued_at          timestamptz,
  modified_at        timestamptz,
  generated_at       timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX proactive_opendata_dataset_status_idx ON proactive_opendata_dataset (status, publisher);

-- A dataset's rows, one version at a time (the one the dataset names is served; a new one is written beside it and
-- swapped in only after the privacy scan passes).
CREATE TABLE proactive_opendata_row (
  dataset_id  text    NOT NULL REFERENCES proactive_opendata_dataset (id),
  version     integer NOT NULL,
  row_no      bigint  NOT NULL,
  cells       jsonb   NOT NULL,
  PRIMARY KEY (dataset_id, version, row_no)
);

-- Applications for 有条件开放 datasets (SUBMITTED → APPROVED | REFUSED).
CREATE TABLE proactive_opendata_application (
  id                uuid        PRIMARY KEY,
  dataset_id        text        NOT NULL REFERENCES proactive_opendata_dataset (id),
  account_id        uuid        NOT NULL,
  applicant_name    text        NOT NULL,
  purpose           text        NOT NULL,
  intended_use      text        NOT NULL,
  security_measures text        NOT NULL,
  period_months     integer     NOT NULL CHECK (period_months BETWEEN 1 AND 12),
  status            text        NOT NULL CHECK (status IN ('SUBMITTED', 'APPROVED', 'REFUSED')),
  decided_by        text,
  decided_at        timestamptz,
  reason            text,
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX proactive_opendata_application_account_idx ON proactive_opendata_application (account_id, created_at);
CREATE INDEX proactive_opendata_application_dataset_idx ON proactive_opendata_application (dataset_id, status);

-- API keys: stored as SHA-256 hashes only; a key of an approved application is scoped to its dataset and expires.
CREATE TABLE proactive_opendata_key (
  id              uuid        PRIMARY KEY,
  key_hash        text        NOT NULL UNIQUE,
  key_prefix      text        NOT NULL,
  account_id      uuid        NOT NULL,
  dataset_id      text        REFERENCES proactive_opendata_dataset (id),
  application_id  uuid        REFERENCES proactive_opendata_application (id),
  expires_at      timestamptz NOT NULL,
  revoked_at      timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX proactive_opendata_key_account_idx ON proactive_opendata_key (account_id);

-- Usage per dataset and kind (VIEW, CSV, JSON, XLSX, API), added to in batches.
CREATE TABLE proactive_opendata_usage (
  dataset_id  text   NOT NULL REFERENCES proactive_opendata_dataset (id),
  kind        text   NOT NULL CHECK (kind IN ('VIEW', 'CSV', 'JSON', 'XLSX', 'API')),
  count       bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (dataset_id, kind)
);

-- Versions of rows come from one sequence, so two generations of one dataset never write the same version.
CREATE SEQUENCE proactive_opendata_version_seq;
