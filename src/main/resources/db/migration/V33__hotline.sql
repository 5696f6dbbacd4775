-- Complaint and suggestion tickets (tongban.hotline, 12345): flow 受理 → 派单 → 办理 → 回复 → 督办 → 办结 → 回访 → 评价
-- (国办发〔2020〕53号). The submitter's name, phone and the address are personal data: stored encrypted (DataKeys), the
-- phone also as a keyed blind index so the person can follow the ticket with number + phone.
CREATE SEQUENCE hotline_ticket_seq;

CREATE TABLE hotline_ticket (
  id                 uuid        PRIMARY KEY,
  number             text        NOT NULL UNIQUE,
  token              text        NOT NULL UNIQUE,
  type               text        NOT NULL CHECK (type IN ('CONSULT', 'HELP', 'COMPLAINT', 'REPORT', 'SUGGESTION', 'PRAISE')),
  category_code      text        NOT NULL,
  urgency            text        NOT NULL CHECK (urgency IN ('EMERGENCY', 'URGENT', 'GENERAL')),
  complex            boolean     NOT NULL DEFAULT false,
  channel            text        NOT NULL CHECK (channel IN ('WEB', 'PHONE', 'OPEN311')),
  region_code        text        NOT NULL,
  address            text,
  lat                numeric(9, 6),
  lon                numeric(9, 6),
  description        text        NOT NULL,
  account_id         uuid,
  contact_name       text,
  phone              text        NOT NULL,
  phone_index        text        NOT NULL,
  publish_consent    boolean     NOT NULL DEFAULT false,
  api_client         text,
  status             text        NOT NULL CHECK (status IN ('NEW', 'DISPATCHED', 'RETURNED', 'REPLIED', 'CLOSED', 'MERGED')),
  lead_department    text,
  assisting          text[]      NOT NULL DEFAULT '{}',
  dispatch_due       timestamptz NOT NULL,
  dispatched_at      timestamptz,
  answer_due         timestamptz,
  replied_at         timestamptz,
  reply              text,
  supervised_at      timestamptz,
  closed_at          timestamptz,
  satisfaction       text        CHECK (satisfaction IN ('SATISFIED', 'BASIC', 'UNSATISFIED')),
  reopened           boolean     NOT NULL DEFAULT false,
  merged_into        uuid        REFERENCES hotline_ticket (id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX hotline_ticket_status_idx ON hotline_ticket (status, created_at);
CREATE INDEX hotline_ticket_lead_idx ON hotline_ticket (lead_department, status);
CREATE INDEX hotline_ticket_phone_idx ON hotline_ticket (phone_index);
CREATE INDEX hotline_ticket_account_idx ON hotline_ticket (account_id) WHERE account_id IS NOT NULL;
CREATE INDEX hotline_ticket_created_idx ON hotline_ticket (created_at);

-- Every step, as the submitter sees it (visible) or only staff do (visible = false).
CREATE TABLE hotline_ticket_event (
  id          bigserial   PRIMARY KEY,
  ticket_id   uuid        NOT NULL REFERENCES hotline_ticket (id),
  at          timestamptz NOT NULL DEFAULT now(),
  action      text        NOT NULL,
  actor       text        NOT NULL,
  department  text,
  note        text,
  visible     boolean     NOT NULL DEFAULT true
);
CREATE INDEX hotline_ticket_event_ticket_idx ON hotline_ticket_event (ticket_id, id);

CREATE TABLE hotline_attachment (
  id            bigserial PRIMARY KEY,
  ticket_id     uuid      NOT NULL REFERENCES hotline_ticket (id),
  file_id       text      NOT NULL,
  name          text      NOT NULL,
  content_type  text      NOT NULL,
  size          bigint    NOT NULL,
  sha256        text      NOT NULL
);

-- SMS codes that confirm an anonymous submitter's phone (kept as a keyed MAC, never the code).
CREATE TABLE hotline_phone_code (
  id           bigserial   PRIMARY KEY,
  phone_index  text        NOT NULL,
  code_mac     text        NOT NULL,
  expires_at   timestamptz NOT NULL,
  attempts     int         NOT NULL DEFAULT 0,
  used_at      timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX hotline_phone_code_idx ON hotline_phone_code (phone_index, created_at DESC);

-- Open311 GeoReport v2 clients: the key is kept as a hash. A client that confirms the submitter's phone itself (a
-- signed-in government app, the call centre's own system) is trusted to do so; others must pass an SMS code.
CREATE TABLE hotline_api_client (
  name            text        PRIMARY KEY,
  key_hash        text        NOT NULL UNIQUE,
  verifies_phone  boolean     NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now(),
  revoked_at      timestamptz
);

-- Suggestions and answers published with the submitter's consent, anonymised by the publisher.
CREATE TABLE hotline_public_reply (
  ticket_id     uuid        PRIMARY KEY REFERENCES hotline_ticket (id),
  title         text        NOT NULL,
  question      text        NOT NULL,
  answer        text        NOT NULL,
  department    text        NOT NULL,
  published_by  text        NOT NULL,
  published_at  timestamptz NOT NULL DEFAULT now()
);
