-- The consent ledger (个人信息保护法 Arts. 14–16, ADR 0051): each grant, renewal and withdrawal is a row, so a consent's
-- status is its newest row. Rows before this migration were registration consents given on the web.
ALTER TABLE identity_consent ADD COLUMN status varchar(20) NOT NULL DEFAULT 'GIVEN'
  CHECK (status IN ('GIVEN', 'WITHDRAWN'));
ALTER TABLE identity_consent ADD CONSTRAINT identity_consent_channel_check CHECK (channel IN ('WEB', 'APP', 'COUNTER', 'API'));
-- the newest row of one purpose: read at every citizen sign-in (is the notice agreed to current?) and by enforcement
CREATE INDEX identity_consent_purpose_idx ON identity_consent (account_id, purpose, consented_at DESC, id DESC);
