-- 线上帮办 (issue 20): a signed-in person asks for help from a guide or an application page; staff on duty take the
-- conversation and answer. The person may let the helper see (and fill in) one draft: the consent is a row of its own,
-- who gave it, when, for which case, and when it was withdrawn.
CREATE TABLE hall_assist_conversation (
  id                uuid         PRIMARY KEY,
  account_id        uuid         NOT NULL,
  account_name      varchar(60)  NOT NULL,
  item_code         varchar(40),
  case_id           uuid,
  status            varchar(8)   NOT NULL CHECK (status IN ('OPEN', 'TAKEN', 'CLOSED')),
  helper_account_id uuid,
  helper_name       varchar(60),
  point_id          uuid,
  created_at        timestamptz  NOT NULL,
  taken_at          timestamptz,
  answered_at       timestamptz,
  closed_at         timestamptz
);
CREATE INDEX hall_assist_conversation_status_idx ON hall_assist_conversation (status, created_at);
CREATE INDEX hall_assist_conversation_account_idx ON hall_assist_conversation (account_id);
CREATE INDEX hall_assist_conversation_helper_idx ON hall_assist_conversation (helper_account_id);

CREATE TABLE hall_assist_message (
  id              bigserial    PRIMARY KEY,
  conversation_id uuid         NOT NULL REFERENCES hall_assist_conversation (id),
  author          varchar(8)   NOT NULL CHECK (author IN ('CITIZEN', 'STAFF')),
  author_name     varchar(60)  NOT NULL,
  body            varchar(500) NOT NULL,
  at              timestamptz  NOT NULL
);
CREATE INDEX hall_assist_message_conversation_idx ON hall_assist_message (conversation_id, id);

CREATE TABLE hall_assist_consent (
  id              uuid        PRIMARY KEY,
  conversation_id uuid        NOT NULL REFERENCES hall_assist_conversation (id),
  case_id         uuid        NOT NULL,
  account_id      uuid        NOT NULL,
  given_at        timestamptz NOT NULL,
  withdrawn_at    timestamptz
);
CREATE INDEX hall_assist_consent_conversation_idx ON hall_assist_consent (conversation_id);
