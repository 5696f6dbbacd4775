-- The audit trail partitioned by month (decision 0050): a province writes hundreds of millions of entries a year, and
-- a month closed and archived can be detached whole. Entries keep their id, time and hash, so the chain verifies as
-- before. The position stays indexed but no longer unique (a unique index must include the partition key): the
-- chainer alone gives positions, one pass at a time, and the check finds a repeated or missing position.
ALTER TABLE audit_entry RENAME TO audit_entry_unpartitioned;
ALTER TABLE audit_entry_unpartitioned RENAME CONSTRAINT audit_entry_pkey TO audit_entry_unpartitioned_pkey;
ALTER TABLE audit_entry_unpartitioned RENAME CONSTRAINT audit_entry_position_key TO audit_entry_unpartitioned_position_key;

CREATE TABLE audit_entry (
  id        bigint      NOT NULL DEFAULT nextval('audit_entry_id_seq'),
  at        timestamptz NOT NULL DEFAULT clock_timestamp(),
  kind      text        NOT NULL,
  actor     text        NOT NULL,
  subject   text,
  detail    text,
  position  bigint,
  prev_hash text,
  hash      text,
  facts     jsonb,
  PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
CREATE TABLE audit_entry_default PARTITION OF audit_entry DEFAULT;

SELECT shared_month_partition('audit_entry', m::date)
FROM generate_series(date_trunc('month', coalesce((SELECT min(at) FROM audit_entry_unpartitioned), now()) AT TIME ZONE 'Asia/Shanghai'),
                     date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') + interval '3 months', interval '1 month') m;

INSERT INTO audit_entry (id, at, kind, actor, subject, detail, position, prev_hash, hash, facts)
SELECT id, at, kind, actor, subject, detail, position, prev_hash, hash, facts FROM audit_entry_unpartitioned;
ALTER SEQUENCE audit_entry_id_seq OWNED BY audit_entry.id;
DROP TABLE audit_entry_unpartitioned;

CREATE INDEX audit_entry_unchained_idx ON audit_entry (id) WHERE position IS NULL;
CREATE INDEX audit_entry_position_idx ON audit_entry (position);
CREATE INDEX audit_entry_facts_idx ON audit_entry (kind, actor, id) WHERE facts IS NOT NULL;
