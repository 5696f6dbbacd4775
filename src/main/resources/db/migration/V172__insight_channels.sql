-- Channel checks (网站/渠道普查): the findings of the last pass, replaced whole by each pass.
CREATE TABLE insight_channel_finding (
  id              bigserial   PRIMARY KEY,
  kind            text        NOT NULL,
  department_code text        NOT NULL,
  region_code     text        NOT NULL,
  subject_code    text        NOT NULL,
  subject_name    text        NOT NULL,
  subject_link    text,
  detail          text        NOT NULL,
  checked_at      timestamptz NOT NULL
);
CREATE INDEX insight_channel_finding_dept_idx ON insight_channel_finding (department_code, kind);

-- 政务新媒体 accounts a department runs, registered by its admin, with the day of their last update.
CREATE TABLE insight_media_account (
  id              uuid        PRIMARY KEY,
  department_code text        NOT NULL,
  name            text        NOT NULL,
  platform        text        NOT NULL,
  url             text        NOT NULL,
  content         text        NOT NULL,
  last_update     date        NOT NULL,
  registered_by   text        NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (department_code, platform, name)
);
