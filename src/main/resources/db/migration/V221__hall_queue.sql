-- 取号 (issue 20): a number per point, day and series, unique under concurrent takes and across restarts because the
-- last number given is a row updated in the taking transaction (never node memory).
CREATE TABLE hall_queue_counter (
  point_id    uuid    NOT NULL,
  day         date    NOT NULL,
  series      char(1) NOT NULL,
  last_number integer NOT NULL,
  PRIMARY KEY (point_id, day, series)
);

CREATE TABLE hall_queue_ticket (
  id               uuid         PRIMARY KEY,
  point_id         uuid         NOT NULL,
  day              date         NOT NULL,
  series           char(1)      NOT NULL,
  number           integer      NOT NULL,
  label            varchar(8)   NOT NULL,
  token            varchar(43)  NOT NULL UNIQUE,
  channel          varchar(10)  NOT NULL CHECK (channel IN ('KIOSK', 'CLERK', 'PHONE', 'BOOKING')),
  account_id       uuid,
  item_code        varchar(40),
  booking_id       uuid,
  slot_start       timestamptz,
  status           varchar(12)  NOT NULL DEFAULT 'WAITING',
  taken_at         timestamptz  NOT NULL DEFAULT now(),
  called_at        timestamptz,
  window_id        uuid,
  clerk_account_id uuid,
  closed_at        timestamptz,
  version          integer      NOT NULL DEFAULT 0,
  UNIQUE (point_id, day, series, number)
);
CREATE INDEX hall_queue_ticket_waiting_idx ON hall_queue_ticket (point_id, day, status);
CREATE INDEX hall_queue_ticket_account_idx ON hall_queue_ticket (account_id);

-- 窗口人员: which staff work at which window (capacity of appointment slots, who calls at a window)
CREATE TABLE hall_window_staff (
  window_id  uuid        NOT NULL,
  account_id uuid        NOT NULL,
  since      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (window_id, account_id)
);
CREATE INDEX hall_window_staff_account_idx ON hall_window_staff (account_id);
