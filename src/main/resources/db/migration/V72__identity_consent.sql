-- Consent to the privacy notice (个人信息处理规则, 个人信息保护法 Art. 14/17): which notice version a person agreed to,
-- for what, when and through which channel.
CREATE TABLE identity_consent (
  id             bigserial    PRIMARY KEY,
  account_id     uuid         NOT NULL REFERENCES identity_account (id),
  purpose        varchar(40)  NOT NULL,
  notice_version varchar(20)  NOT NULL,
  consented_at   timestamptz  NOT NULL,
  channel        varchar(20)  NOT NULL
);
CREATE INDEX identity_consent_account_idx ON identity_consent (account_id, consented_at DESC);
