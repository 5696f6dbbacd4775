-- Data quality (tongban.exchange): rules per resource, run on schedule; findings name the subject masked, never in full.
CREATE TABLE exchange_quality_rule (
  id             text PRIMARY KEY,
  resource_code  text NOT NULL REFERENCES exchange_resource (code),
  name           text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('FORMAT', 'COMPLETENESS', 'AGREEMENT')),
  field          text NOT NULL,
  other_resource text,
  other_field    text
);

CREATE TABLE exchange_quality_finding (
  id             bigserial   PRIMARY KEY,
  rule_id        text        NOT NULL REFERENCES exchange_quality_rule (id),
  subject_index  text        NOT NULL,
  subject_masked text        NOT NULL,
  status         text        NOT NULL CHECK (status IN ('OPEN', 'FIXED')),
  found_at       timestamptz NOT NULL DEFAULT now(),
  fixed_by       text,
  fixed_at       timestamptz,
  note           text
);
CREATE UNIQUE INDEX exchange_quality_open_idx ON exchange_quality_finding (rule_id, subject_index) WHERE status = 'OPEN';
