-- Facts waiting to be counted (ADR 0057): an event about a case, a ticket or a rating only marks its fact here, in the
-- listener's transaction; a pass once a second (once per cluster) counts every marked fact in one transaction, so the
-- department's hot counter rows are written once per pass, not once per event by listeners waiting on each other's locks.
-- A fact marked again while it waits stays one row.
CREATE TABLE insight_due_fact (
  source  text        NOT NULL CHECK (source IN ('CASE', 'TICKET', 'RATING')),
  fact_id text        NOT NULL,
  due_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (source, fact_id)
);
CREATE INDEX insight_due_fact_due_idx ON insight_due_fact (due_at);
