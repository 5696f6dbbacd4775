-- Handling results kept with the case (the national exchange's acceptance and result records).
ALTER TABLE casework_case ADD COLUMN accepted_at timestamptz;
ALTER TABLE casework_case ADD COLUMN acceptance_no text;
ALTER TABLE casework_case ADD COLUMN concluded_at timestamptz;
ALTER TABLE casework_case ADD COLUMN outcome text;

-- 一次性告知: every faulty material of one request at once, with its reason; resolved when the applicant resubmits.
CREATE TABLE casework_supplement (
  id             bigserial PRIMARY KEY,
  case_id        uuid NOT NULL REFERENCES casework_case (id),
  material_index int NOT NULL,
  material_name  text NOT NULL,
  reason         text NOT NULL,
  requested_at   timestamptz NOT NULL DEFAULT now(),
  requested_by   text NOT NULL,
  resolved_at    timestamptz
);
CREATE INDEX casework_supplement_case_idx ON casework_supplement (case_id);
