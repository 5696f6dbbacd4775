-- 叫号 (issue 20, part 3): where a number waits and what its visit handled.
-- waiting_series: the series whose windows call it (its own, or the one it was transferred to); place_at: its place
-- in that series (the taking time, kept on a transfer); target_window_id: a transfer to one window; priority_reason:
-- why a clerk gave a G number (DISABLED, PREGNANT, ELDERLY).
ALTER TABLE hall_queue_ticket ADD COLUMN waiting_series char(1);
ALTER TABLE hall_queue_ticket ADD COLUMN place_at timestamptz;
ALTER TABLE hall_queue_ticket ADD COLUMN target_window_id uuid;
ALTER TABLE hall_queue_ticket ADD COLUMN priority_reason varchar(12);
ALTER TABLE hall_queue_ticket ADD COLUMN served_at timestamptz;
ALTER TABLE hall_queue_ticket ADD COLUMN recalls integer NOT NULL DEFAULT 0;
ALTER TABLE hall_queue_ticket ADD COLUMN feedback_visit_id uuid;
ALTER TABLE hall_queue_ticket ADD COLUMN feedback_token varchar(43);
UPDATE hall_queue_ticket SET waiting_series = series, place_at = taken_at WHERE waiting_series IS NULL;
CREATE INDEX hall_queue_ticket_call_idx ON hall_queue_ticket (point_id, day, waiting_series, status, place_at);
CREATE INDEX hall_queue_ticket_window_idx ON hall_queue_ticket (window_id, status);

-- The case(s) a closed visit handled, chosen by the clerk; counted: whether the visit was recorded as a counter visit.
CREATE TABLE hall_queue_visit_case (
  ticket_id   uuid        NOT NULL REFERENCES hall_queue_ticket (id),
  case_id     uuid        NOT NULL,
  case_number text,
  item_name   text,
  counted     boolean     NOT NULL,
  PRIMARY KEY (ticket_id, case_id)
);
