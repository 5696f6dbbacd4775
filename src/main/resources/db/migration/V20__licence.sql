-- 电子证照 (GB/T 36901-36905): licence types, issued licences and the licence registry's status.
CREATE TABLE licence_type (
  code              text PRIMARY KEY,          -- defining authority's USCC + 3 digits (GB/T 36904)
  name              text NOT NULL,
  defining_authority text NOT NULL,
  number_prefix     text NOT NULL,
  holder_kind       text NOT NULL CHECK (holder_kind IN ('CITIZEN', 'LEGAL_PERSON')),
  validity_years    int,                       -- null: valid without end
  items             jsonb NOT NULL,            -- catalogue items whose approval issues it
  fields            jsonb NOT NULL,            -- printed fields: label and source
  seal_types        jsonb NOT NULL,            -- which of the issuing department's seals may seal it
  updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE SEQUENCE licence_serial;

CREATE TABLE licence_licence (
  id                uuid PRIMARY KEY,
  identifier        text NOT NULL UNIQUE,
  type_code         text NOT NULL REFERENCES licence_type (code),
  name              text NOT NULL,
  number            text NOT NULL UNIQUE,
  holder_name       text NOT NULL,
  holder_code       text NOT NULL,
  holder_code_type  text NOT NULL,             -- 111 公民身份号码, 001 统一社会信用代码
  holder_party_id   uuid NOT NULL,             -- whose wallet holds it (a citizen's account or a company)
  issuer_name       text NOT NULL,
  issuer_code       text NOT NULL,
  department_code   text NOT NULL,
  jurisdiction_code text NOT NULL,
  issued_on         date NOT NULL,
  valid_from        date NOT NULL,
  valid_to          date,
  data              jsonb NOT NULL,
  case_id           uuid,
  seal_id           uuid NOT NULL,
  pdf_file_id       text NOT NULL,
  pdf_sha256        text NOT NULL,
  status            text NOT NULL CHECK (status IN ('VALID', 'REVOKED', 'CANCELLED')),
  status_reason     text,
  status_changed_at timestamptz,
  status_changed_by text,
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX licence_holder_idx ON licence_licence (holder_party_id);
CREATE INDEX licence_department_idx ON licence_licence (department_code, created_at DESC);
