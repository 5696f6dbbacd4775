-- Records of data reads partitioned by month (decision 0050): the largest table of a province (every read of a person's
-- data is one row, ~10 per case), kept three years, then dropped a month at a time instead of deleted row by row
-- (tongban.exchange.internal.AccessRetention). A reported read outlives its month: retention keeps it in a partition of
-- its own month holding only the reported rows. exchange_report names the read by id alone, which no longer has a
-- unique index of its own (the key is (id, at)), so its foreign key goes; retention keeps every reported read instead.
ALTER TABLE exchange_report DROP CONSTRAINT exchange_report_access_id_fkey;
ALTER TABLE exchange_access RENAME TO exchange_access_unpartitioned;
ALTER TABLE exchange_access_unpartitioned RENAME CONSTRAINT exchange_access_pkey TO exchange_access_unpartitioned_pkey;
ALTER TABLE exchange_access_unpartitioned RENAME CONSTRAINT exchange_access_outcome_check TO exchange_access_unpartitioned_outcome_check;
ALTER INDEX exchange_access_subject_idx RENAME TO exchange_access_unpartitioned_subject_idx;
ALTER INDEX exchange_access_at_idx RENAME TO exchange_access_unpartitioned_at_idx;

CREATE TABLE exchange_access (
  id                       bigint      NOT NULL DEFAULT nextval('exchange_access_id_seq'),
  at                       timestamptz NOT NULL DEFAULT now(),
  subject_index            text        NOT NULL,
  resource_code            text        NOT NULL,
  consumer_department_code text        NOT NULL,
  client_id                text,
  staff_id                 text,
  staff_name               text,
  fields                   text[]      NOT NULL,
  purpose                  text        NOT NULL,
  case_number              text        NOT NULL,
  outcome                  text        NOT NULL CONSTRAINT exchange_access_outcome_check CHECK (outcome IN ('SERVED', 'REVEALED', 'PREFILL')),
  audit_id                 bigint,
  seal                     text,
  PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
CREATE TABLE exchange_access_default PARTITION OF exchange_access DEFAULT;

SELECT shared_month_partition('exchange_access', m::date)
FROM generate_series(date_trunc('month', coalesce((SELECT min(at) FROM exchange_access_unpartitioned), now()) AT TIME ZONE 'Asia/Shanghai'),
                     date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') + interval '3 months', interval '1 month') m;

INSERT INTO exchange_access (id, at, subject_index, resource_code, consumer_department_code, client_id, staff_id, staff_name, fields,
                             purpose, case_number, outcome, audit_id, seal)
SELECT id, at, subject_index, resource_code, consumer_department_code, client_id, staff_id, staff_name, fields,
       purpose, case_number, outcome, audit_id, seal FROM exchange_access_unpartitioned;
ALTER SEQUENCE exchange_access_id_seq OWNED BY exchange_access.id;
DROP TABLE exchange_access_unpartitioned;

CREATE INDEX exchange_access_subject_idx ON exchange_access (subject_index, at DESC);
CREATE INDEX exchange_access_at_idx ON exchange_access (at);
