-- 征求意见 (tongban.openness): a department's draft put out for public comment over a period, its questions (themes),
-- the comments people send (signed in, or with the phone confirmed by an SMS code) and, after closing, the
-- 意见采纳情况 counted from the comments' adoption decisions. A commenter's phone is personal data: stored encrypted
-- (DataKeys) with a keyed blind index.
CREATE TABLE openness_consultation (
  id                  uuid        PRIMARY KEY,
  department_code     text        NOT NULL,
  title               text        NOT NULL,
  doc_kind            text        NOT NULL CHECK (doc_kind IN ('NORMATIVE', 'POLICY')),
  draft               text        NOT NULL,
  background          text        NOT NULL,
  starts_on           date        NOT NULL,
  ends_on             date        NOT NULL CHECK (ends_on >= starts_on),
  status              text        NOT NULL CHECK (status IN ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'REPORTED')),
  file_id             text,
  file_name           text,
  file_type           text,
  file_size           bigint,
  file_sha256         text,
  author_id           uuid        NOT NULL,
  author_name         text        NOT NULL,
  reviewer_name       text,
  return_reason       text,
  published_at        timestamptz,
  report_note         text,
  report_by           text,
  report_published_at timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX openness_consultation_department_idx ON openness_consultation (department_code, status);
CREATE INDEX openness_consultation_public_idx ON openness_consultation (status, starts_on, ends_on);

CREATE TABLE openness_consultation_question (
  id               bigserial PRIMARY KEY,
  consultation_id  uuid      NOT NULL REFERENCES openness_consultation (id) ON DELETE CASCADE,
  position         int       NOT NULL,
  theme            text      NOT NULL,
  question         text      NOT NULL,
  UNIQUE (consultation_id, position)
);

CREATE TABLE openness_consultation_comment (
  id               uuid        PRIMARY KEY,
  consultation_id  uuid        NOT NULL REFERENCES openness_consultation (id),
  question_id      bigint      NOT NULL REFERENCES openness_consultation_question (id),
  body             text        NOT NULL,
  account_id       uuid,
  phone            text,
  phone_index      text,
  status           text        NOT NULL CHECK (status IN ('PENDING', 'PUBLISHED', 'HELD')),
  hold_reason      text,
  moderated_by     text,
  moderated_at     timestamptz,
  adoption         text        CHECK (adoption IN ('ADOPTED', 'PARTLY', 'NOT_ADOPTED')),
  adoption_reason  text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (account_id IS NOT NULL OR phone_index IS NOT NULL)
);
CREATE INDEX openness_consultation_comment_idx ON openness_consultation_comment (consultation_id, status, created_at);
CREATE INDEX openness_consultation_comment_account_idx ON openness_consultation_comment (account_id) WHERE account_id IS NOT NULL;

-- 领导信箱: a letter is a 12345 ticket of the channel MAILBOX, addressed to the head of a department (its mailbox);
-- the addressee stays when the ticket is reassigned, so the mailbox page lists its own letters.
ALTER TABLE hotline_ticket DROP CONSTRAINT hotline_ticket_channel_check;
ALTER TABLE hotline_ticket ADD CONSTRAINT hotline_ticket_channel_check CHECK (channel IN ('WEB', 'PHONE', 'OPEN311', 'MAILBOX'));
ALTER TABLE hotline_ticket ADD COLUMN addressee text;
CREATE INDEX hotline_ticket_addressee_idx ON hotline_ticket (addressee) WHERE addressee IS NOT NULL;

-- An SMS code confirms a phone for one purpose (a ticket, a consultation comment, a mailbox letter): a code sent for
-- one is never used up by another.
ALTER TABLE hotline_phone_code ADD COLUMN purpose text NOT NULL DEFAULT 'TICKET';
