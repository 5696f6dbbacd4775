-- Written documents of a case as issued and sealed (issue 16 point 4): 受理通知书, 补正材料通知书 (one per request) and
-- the decision letter, kept as the sealed file the applicant downloads, so every download is the same sealed document.
CREATE TABLE casework_document (
  id          bigserial PRIMARY KEY,
  case_id     uuid        NOT NULL REFERENCES casework_case (id),
  kind        text        NOT NULL CHECK (kind IN ('ACCEPTANCE', 'SUPPLEMENT', 'DECISION')),
  number      text        NOT NULL,
  file_id     text        NOT NULL,
  sha256      text        NOT NULL,
  issued_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX casework_document_case ON casework_document (case_id, kind, id);
