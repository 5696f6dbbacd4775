-- 监测预警 (tongban.insight.trends): a surge of a 12345 topic (a category or a term) in one township over a 7-day window
-- against its own baseline (the 8 windows before it). One alert per topic, township and window: a pass that finds the
-- same surge again while the window overlaps the alert's adds the new tickets to it instead (ADR 0027).
CREATE TABLE insight_topic_alert (
  id             uuid        PRIMARY KEY,
  topic_kind     text        NOT NULL CHECK (topic_kind IN ('CATEGORY', 'TERM')),
  topic          text        NOT NULL,
  township_code  text        NOT NULL,
  window_start   date        NOT NULL,
  window_end     date        NOT NULL,
  observed       int         NOT NULL,
  baseline_mean  numeric(10, 2) NOT NULL,
  baseline_sd    numeric(10, 2) NOT NULL,
  threshold      numeric(10, 2) NOT NULL,
  raised_at      timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  UNIQUE (topic_kind, topic, township_code, window_start)
);
CREATE INDEX insight_topic_alert_end_idx ON insight_topic_alert (window_end DESC);

CREATE TABLE insight_topic_alert_ticket (
  alert_id       uuid        NOT NULL REFERENCES insight_topic_alert (id),
  ticket_id      uuid        NOT NULL,
  ticket_number  text        NOT NULL,
  category_code  text        NOT NULL,
  created_at     timestamptz NOT NULL,
  PRIMARY KEY (alert_id, ticket_id)
);
