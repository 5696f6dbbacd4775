-- 服务网点 (issue 20): the district 政务服务中心, township/街道 便民服务中心 and village/community 代办点 are rows of the
-- existing service-hall table, now with their level, township, coordinates (WGS-84, for "nearest") and opening hours.
-- Opening hours apply on working days of the working calendar (holidays closed, make-up days open) unless the point
-- is closed that day (directory_point_closure).
ALTER TABLE directory_service_hall
  ADD COLUMN code          varchar(40)  UNIQUE,
  ADD COLUMN level         varchar(10)  NOT NULL DEFAULT 'DISTRICT' CHECK (level IN ('DISTRICT', 'TOWNSHIP', 'VILLAGE')),
  ADD COLUMN township_code varchar(12)  REFERENCES directory_region (code),
  ADD COLUMN latitude      numeric(9,6) CHECK (latitude BETWEEN -90 AND 90),
  ADD COLUMN longitude     numeric(9,6) CHECK (longitude BETWEEN -180 AND 180),
  ADD COLUMN workday_hours varchar(60)  NOT NULL DEFAULT '09:00-12:00,13:30-17:00';

-- a window calls one queue series (A 综合, B 企业 ...; the G green channel is called first by every window) and serves
-- the items listed for it, or every item the platform publishes when serves_all_items (综合窗口 of 一窗受理)
ALTER TABLE directory_window
  ADD COLUMN kind             varchar(12) NOT NULL DEFAULT 'GENERAL' CHECK (kind IN ('GENERAL', 'SPECIALISED', 'COLLECTION')),
  ADD COLUMN series           char(1)     NOT NULL DEFAULT 'A' CHECK (series ~ '^[A-Z]$'),
  ADD COLUMN serves_all_items boolean     NOT NULL DEFAULT false;

CREATE TABLE directory_window_item (
  window_id uuid        NOT NULL REFERENCES directory_window (id) ON DELETE CASCADE,
  item_code varchar(40) NOT NULL,
  PRIMARY KEY (window_id, item_code)
);
CREATE INDEX directory_window_item_code_idx ON directory_window_item (item_code);

CREATE TABLE directory_point_closure (
  point_id uuid         NOT NULL REFERENCES directory_service_hall (id) ON DELETE CASCADE,
  day      date         NOT NULL,
  reason   varchar(200) NOT NULL,
  PRIMARY KEY (point_id, day)
);
