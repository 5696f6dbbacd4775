-- 预约 (issue 20): appointments for a slot of a point's window group (the queue series its windows call) on a working
-- day. A slot row is inserted the first time someone books it and locked (select … for update) while its count is
-- compared with the capacity of that moment, so concurrent bookings never exceed it on any number of nodes.
CREATE TABLE hall_booking_slot (
  point_id   uuid        NOT NULL,
  series     char(1)     NOT NULL,
  starts_at  timestamptz NOT NULL,
  booked     integer     NOT NULL DEFAULT 0 CHECK (booked >= 0),
  PRIMARY KEY (point_id, series, starts_at)
);

CREATE TABLE hall_booking (
  id            uuid         PRIMARY KEY,
  code          char(8)      NOT NULL UNIQUE CHECK (code ~ '^[0-9]{8}$'),
  account_id    uuid         NOT NULL,
  person_name   varchar(100) NOT NULL,
  party_id      uuid         NOT NULL,
  party_name    varchar(200) NOT NULL,
  point_id      uuid         NOT NULL,
  series        char(1)      NOT NULL,
  item_code     varchar(40)  NOT NULL,
  item_name     varchar(200) NOT NULL,
  day           date         NOT NULL,
  starts_at     timestamptz  NOT NULL,
  ends_at       timestamptz  NOT NULL,
  status        varchar(12)  NOT NULL CHECK (status IN ('BOOKED', 'CHECKED_IN', 'CANCELLED', 'NO_SHOW')),
  created_at    timestamptz  NOT NULL,
  reminded_at   timestamptz,
  checked_in_at timestamptz,
  checked_in_by uuid,
  ticket_id     uuid,
  ticket_label  varchar(8),
  cancelled_at  timestamptz,
  FOREIGN KEY (point_id, series, starts_at) REFERENCES hall_booking_slot (point_id, series, starts_at)
);
-- one live booking of a person per slot start (the service also refuses overlapping ones)
CREATE UNIQUE INDEX hall_booking_one_per_start ON hall_booking (account_id, starts_at) WHERE status = 'BOOKED';
CREATE INDEX hall_booking_account_idx ON hall_booking (account_id, starts_at);
CREATE INDEX hall_booking_point_day_idx ON hall_booking (point_id, day);
CREATE INDEX hall_booking_open_idx ON hall_booking (ends_at) WHERE status = 'BOOKED';
