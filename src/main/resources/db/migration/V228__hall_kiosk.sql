-- 自助终端 (issue 20, part 4): kiosks are devices registered by a platform admin for a service point. The kiosk's
-- browser enrols once with a code shown to the admin once; only hashes of the code and of the device cookie are kept.
CREATE TABLE hall_kiosk (
  id             uuid         PRIMARY KEY,
  name           varchar(60)  NOT NULL,
  point_id       uuid         NOT NULL,
  printer        varchar(60)  NOT NULL,
  enrol_hash     varchar(64),
  enrol_expires  timestamptz,
  -- the demo kiosk's published code enrols any browser (the newest one wins); real codes are used once
  enrol_reusable boolean      NOT NULL DEFAULT false,
  device_hash    varchar(64)  UNIQUE,
  enrolled_at    timestamptz,
  registered_at  timestamptz  NOT NULL,
  registered_by  varchar(60)  NOT NULL,
  revoked_at     timestamptz,
  revoked_by     varchar(60)
);
CREATE INDEX hall_kiosk_point_idx ON hall_kiosk (point_id);

-- the person signed in at a kiosk by ID card: one at a time per kiosk, dropped after the idle timeout. No ID number
-- is kept: the account, the name, the masked number and whether the card gives the green channel (65+).
CREATE TABLE hall_kiosk_session (
  kiosk_id     uuid         PRIMARY KEY REFERENCES hall_kiosk (id),
  account_id   uuid,
  name         varchar(60)  NOT NULL,
  masked_id    varchar(18)  NOT NULL,
  green        boolean      NOT NULL,
  started_at   timestamptz  NOT NULL,
  last_seen_at timestamptz  NOT NULL
);

-- what a kiosk printed: the console lists the jobs; the demo printer's file is kept under the data directory
CREATE TABLE hall_kiosk_print (
  id         uuid         PRIMARY KEY,
  kiosk_id   uuid         NOT NULL REFERENCES hall_kiosk (id),
  kind       varchar(12)  NOT NULL CHECK (kind IN ('RECEIPT', 'LICENCE', 'ACCEPTANCE')),
  title      varchar(120) NOT NULL,
  account_id uuid,
  bytes      integer      NOT NULL,
  location   varchar(300) NOT NULL,
  printed_at timestamptz  NOT NULL
);
CREATE INDEX hall_kiosk_print_kiosk_idx ON hall_kiosk_print (kiosk_id, printed_at);
