-- 工作日 calendar: each year's statutory holidays and make-up working days (调休). Shipped years are inserted on start
-- from data/calendar/<year>.csv when missing; later years are uploaded by platform admins.
CREATE TABLE shared_calendar_day (
  day         date PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
  name        text NOT NULL DEFAULT '',
  source      text NOT NULL,
  loaded_at   timestamptz NOT NULL DEFAULT now()
);
