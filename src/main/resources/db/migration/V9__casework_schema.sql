-- 办件: one row per case. The item version it was filed under is kept (its guide and form never change).
CREATE TABLE casework_case (
  id                   uuid PRIMARY KEY,
  case_number          text UNIQUE,
  item_code            text NOT NULL,
  item_version         int NOT NULL,
  item_name            text NOT NULL,
  department_code      text NOT NULL,
  region_code          text NOT NULL,
  applicant_account_id uuid NOT NULL,
  applicant_name       text NOT NULL,
  party_kind           text NOT NULL,
  party_id             uuid NOT NULL,
  party_name           text NOT NULL,
  channel              text NOT NULL DEFAULT 'ONLINE',
  status               text NOT NULL,
  form_values          jsonb NOT NULL DEFAULT '{}'::jsonb,
  submit_token         uuid NOT NULL,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  submitted_at         timestamptz,
  promised_date        date,
  lock_version         bigint NOT NULL DEFAULT 0
);
CREATE INDEX casework_case_party_idx ON casework_case (party_id, status);
CREATE INDEX casework_case_department_idx ON casework_case (department_code, status);

-- Materials received: one file per material of the guide (by its position), stored in the FileStore with its hash.
CREATE TABLE casework_material (
  id             uuid PRIMARY KEY,
  case_id        uuid NOT NULL REFERENCES casework_case (id),
  material_index int NOT NULL,
  material_name  text NOT NULL,
  file_id        text NOT NULL,
  sha256         text NOT NULL,
  size           bigint NOT NULL,
  content_type   text NOT NULL,
  original_name  text NOT NULL,
  uploaded_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, material_index)
);

-- The case's history as the applicant and staff see it.
CREATE TABLE casework_event (
  id          bigserial PRIMARY KEY,
  case_id     uuid NOT NULL REFERENCES casework_case (id),
  at          timestamptz NOT NULL DEFAULT now(),
  action      text NOT NULL,
  actor_name  text NOT NULL,
  party_name  text,
  note        text
);
CREATE INDEX casework_event_case_idx ON casework_event (case_id, id);

-- Case numbers: region code + yyyyMMdd + a six-digit sequence per region and day.
CREATE TABLE casework_number (
  region_code text NOT NULL,
  day         date NOT NULL,
  last        int NOT NULL,
  PRIMARY KEY (region_code, day)
);
