-- Limits on how often a key (a network address, a phone number) may do something, shared by every node
-- (tongban.shared.AttemptLimits). The key is kept only as a keyed blind index; rows older than a day are purged.
CREATE TABLE shared_rate_event (
  id        bigserial    PRIMARY KEY,
  bucket    varchar(60)  NOT NULL,
  key_index varchar(64)  NOT NULL,
  at        timestamptz  NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX shared_rate_event_key_idx ON shared_rate_event (bucket, key_index, at DESC);
CREATE INDEX shared_rate_event_at_idx ON shared_rate_event (at);
