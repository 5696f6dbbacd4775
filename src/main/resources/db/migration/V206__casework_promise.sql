-- The applicant's choice to promise instead of supplying materials, and the signature: the text and version signed,
-- the name typed, when. One per case; a revoked decision (撤销) keeps its reason in the case history.
CREATE TABLE casework_promise (
  case_id         uuid        PRIMARY KEY REFERENCES casework_case (id),
  item_code       text        NOT NULL,
  promise_version int         NOT NULL,
  promise_text    text        NOT NULL,
  replaced        jsonb       NOT NULL,
  agreed          boolean     NOT NULL DEFAULT false,
  signed_name     text,
  expected_name   text        NOT NULL,
  signed_at       timestamptz,
  updated_at      timestamptz NOT NULL DEFAULT now()
);
