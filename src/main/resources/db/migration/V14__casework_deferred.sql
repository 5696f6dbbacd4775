-- 容缺后补: at the counter a deferrable material may be missing, with the applicant's promise to bring it by a date.
CREATE TABLE casework_deferred (
  id             bigserial PRIMARY KEY,
  case_id        uuid NOT NULL REFERENCES casework_case (id),
  material_index int NOT NULL,
  material_name  text NOT NULL,
  promised_by    date NOT NULL,
  recorded_by    text NOT NULL,
  recorded_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, material_index)
);
