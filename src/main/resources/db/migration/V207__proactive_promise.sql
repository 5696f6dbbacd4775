-- Post-approval checks (核查) of cases approved under a promise, and breaches (失信记录) of false promises (ADR 0033).
-- One draw per approved case, sampled or not, so a replayed event draws nothing twice.
CREATE TABLE proactive_promise_draw (
  case_id        uuid        PRIMARY KEY,
  sampled        boolean     NOT NULL,
  sample_percent int         NOT NULL,
  ticket         int         NOT NULL,
  drawn_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE proactive_promise_check (
  id                   uuid        PRIMARY KEY,
  case_id              uuid        NOT NULL UNIQUE REFERENCES proactive_promise_draw (case_id),
  case_number          text        NOT NULL,
  item_code            text        NOT NULL,
  item_name            text        NOT NULL,
  department_code      text        NOT NULL,
  party_kind           text        NOT NULL,
  party_id             uuid        NOT NULL,
  party_name           text        NOT NULL,
  applicant_account_id uuid        NOT NULL,
  promise_version      int         NOT NULL,
  replaced             jsonb       NOT NULL,
  due_on               date        NOT NULL,
  status               text        NOT NULL,
  findings             text,
  checked_by           text,
  checked_at           timestamptz,
  created_at           timestamptz NOT NULL DEFAULT now(),
  lock_version         bigint      NOT NULL DEFAULT 0
);
CREATE INDEX proactive_promise_check_department ON proactive_promise_check (department_code, status, due_on);

CREATE TABLE proactive_promise_breach (
  id                uuid        PRIMARY KEY,
  check_id          uuid        NOT NULL UNIQUE REFERENCES proactive_promise_check (id),
  party_kind        text        NOT NULL,
  party_id          uuid        NOT NULL,
  party_name        text        NOT NULL,
  case_id           uuid        NOT NULL,
  case_number       text        NOT NULL,
  item_code         text        NOT NULL,
  item_name         text        NOT NULL,
  department_code   text        NOT NULL,
  recorded_on       date        NOT NULL,
  restricted_until  date        NOT NULL,
  findings          text        NOT NULL,
  recorded_by       text        NOT NULL
);
CREATE INDEX proactive_promise_breach_party ON proactive_promise_breach (party_id, restricted_until);
