-- GB/T 2260 administrative divisions (rows loaded by the V3 Java migration from data/regions.csv).
CREATE TABLE directory_region (
  code        varchar(12)  PRIMARY KEY,
  name        varchar(100) NOT NULL,
  parent_code varchar(12)  REFERENCES directory_region (code),
  level       varchar(12)  NOT NULL CHECK (level IN ('PROVINCE', 'PREFECTURE', 'COUNTY', 'TOWNSHIP'))
);
CREATE INDEX directory_region_parent_idx ON directory_region (parent_code);

CREATE TABLE directory_department (
  id          uuid         PRIMARY KEY,
  code        varchar(40)  NOT NULL UNIQUE,
  name        varchar(200) NOT NULL,
  short_name  varchar(100),
  uscc        varchar(18)   NOT NULL UNIQUE,
  region_code varchar(12)  NOT NULL REFERENCES directory_region (code),
  parent_id   uuid         REFERENCES directory_department (id),
  phone       varchar(40),
  email       varchar(200),
  address     varchar(300),
  version     bigint       NOT NULL DEFAULT 0
);
CREATE INDEX directory_department_region_idx ON directory_department (region_code);

CREATE TABLE directory_service_hall (
  id          uuid         PRIMARY KEY,
  name        varchar(200) NOT NULL,
  region_code varchar(12)  NOT NULL REFERENCES directory_region (code),
  address     varchar(300) NOT NULL,
  hours       varchar(200),
  phone       varchar(40)
);

CREATE TABLE directory_window (
  id            uuid         PRIMARY KEY,
  hall_id       uuid         NOT NULL REFERENCES directory_service_hall (id),
  number        varchar(20)  NOT NULL,
  name          varchar(200) NOT NULL,
  department_id uuid         REFERENCES directory_department (id),
  UNIQUE (hall_id, number)
);
