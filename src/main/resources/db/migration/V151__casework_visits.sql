-- 跑动次数 as measured: every time the applicant had to come to a window for a case (intake at the counter, a
-- supplement handed in at the counter, the result collected in person), recorded by the counter's steps.
CREATE TABLE casework_visit (
  id         uuid        PRIMARY KEY,
  case_id    uuid        NOT NULL REFERENCES casework_case (id),
  kind       text        NOT NULL CHECK (kind IN ('INTAKE', 'SUPPLEMENT', 'COLLECTION')),
  at         timestamptz NOT NULL,
  window_id  uuid,
  staff_name text
);
CREATE INDEX casework_visit_case_idx ON casework_visit (case_id);
