-- The tamper-evident audit trail (tongban.audit). Entries are written in the acting transaction without a position;
-- the chainer gives committed entries their position in order and the HMAC over (position, time, kind, actor, subject,
-- detail, previous hash). audit_head keeps the last chained position and hash, so that deleting the newest entries is
-- found too.
CREATE TABLE audit_entry (
  id        bigserial   PRIMARY KEY,
  at        timestamptz NOT NULL DEFAULT clock_timestamp(),
  kind      text        NOT NULL,
  actor     text        NOT NULL,
  subject   text,
  detail    text,
  position  bigint      UNIQUE,
  prev_hash text,
  hash      text
);
CREATE INDEX audit_entry_unchained_idx ON audit_entry (id) WHERE position IS NULL;
CREATE INDEX audit_entry_kind_idx ON audit_entry (kind, at DESC);

CREATE TABLE audit_head (
  id       int    PRIMARY KEY CHECK (id = 1),
  position bigint NOT NULL,
  hash     text   NOT NULL
);
