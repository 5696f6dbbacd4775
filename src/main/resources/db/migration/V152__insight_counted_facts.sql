-- Keeping the indicators (ADR 0023): what each fact (a case, a ticket, a rating, a department's reads of one day) was
-- last counted as in insight_daily, so that an event adds only the difference and a redelivered one adds nothing.
-- cells: {"day|department|region|item": {"MEASURE": value}}; first_day/last_day bound its days for the backfill.
CREATE TABLE insight_counted_fact (
  source     text        NOT NULL CHECK (source IN ('CASE', 'TICKET', 'RATING', 'READS')),
  fact_id    text        NOT NULL,
  cells      jsonb       NOT NULL,
  first_day  date,
  last_day   date,
  counted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source, fact_id)
);
CREATE INDEX insight_counted_fact_days_idx ON insight_counted_fact (last_day, first_day);

-- Backfill runs (bin/insight-backfill, the console button, the demo loader): the last one is shown at /console/insight.
CREATE TABLE insight_backfill_run (
  id          uuid        PRIMARY KEY,
  from_day    date        NOT NULL,
  to_day      date        NOT NULL,
  started_by  text        NOT NULL,
  started_at  timestamptz NOT NULL,
  finished_at timestamptz,
  status      text        NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
  facts       bigint      NOT NULL DEFAULT 0,
  rows        bigint      NOT NULL DEFAULT 0,
  error       text
);
CREATE INDEX insight_backfill_run_started_idx ON insight_backfill_run (started_at DESC);
