-- 好差评 (国办发〔2019〕51号, GB/T 39734-2020, GB/T 39735-2020): ratings of concluded cases (一事一评) and of counter
-- visits (一次一评), rectification of bad ratings, appeals, and the monthly aggregate the public statistics read.

-- A concluded case waiting for its applicant's rating; unrated after the configured period it gets a default rating.
CREATE TABLE feedback_invitation (
  case_id              uuid PRIMARY KEY,
  case_number          text,
  item_name            text         NOT NULL,
  department_code      text         NOT NULL,
  region_code          text         NOT NULL,
  party_id             uuid         NOT NULL,
  applicant_account_id uuid,
  concluded_at         timestamptz  NOT NULL DEFAULT now(),
  default_after        timestamptz  NOT NULL
);
CREATE INDEX feedback_invitation_default_idx ON feedback_invitation (default_after);

-- 一次一评: one visit at a window; the QR code carries the token (256 random bits), rated once without signing in.
CREATE TABLE feedback_visit (
  id               uuid PRIMARY KEY,
  token            text         NOT NULL UNIQUE,
  clerk_account_id uuid         NOT NULL,
  clerk_name       text         NOT NULL,
  department_code  text         NOT NULL,
  region_code      text         NOT NULL,
  window_id        uuid         NOT NULL,
  window_label     text         NOT NULL,
  created_at       timestamptz  NOT NULL DEFAULT now(),
  expires_at       timestamptz  NOT NULL
);
CREATE INDEX feedback_visit_clerk_idx ON feedback_visit (clerk_account_id, created_at DESC);

-- One rating. level: 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意. A re-rating after rectification is round 2 and
-- replaces round 1 in the statistics (replaced_by); an upheld appeal excludes a rating (excluded). The comment is
-- AES-GCM ciphertext under the data keys; the rater is an account id, never a name or number.
CREATE TABLE feedback_rating (
  id               uuid PRIMARY KEY,
  channel          text         NOT NULL CHECK (channel IN ('ONLINE', 'COUNTER')),
  case_id          uuid,
  visit_id         uuid REFERENCES feedback_visit (id),
  subject_label    text         NOT NULL,
  department_code  text         NOT NULL,
  region_code      text         NOT NULL,
  party_id         uuid,
  rater_account_id uuid,
  level            smallint     NOT NULL CHECK (level BETWEEN 1 AND 5),
  scores           jsonb        NOT NULL DEFAULT '{}',
  tags             text[]       NOT NULL DEFAULT '{}',
  comment          text,
  active           boolean      NOT NULL,
  round            smallint     NOT NULL DEFAULT 1 CHECK (round IN (1, 2)),
  replaced_by      uuid,
  excluded         boolean      NOT NULL DEFAULT false,
  month            date         NOT NULL,
  created_at       timestamptz  NOT NULL DEFAULT now(),
  CHECK ((case_id IS NULL) <> (visit_id IS NULL))
);
CREATE UNIQUE INDEX feedback_rating_case_round_idx ON feedback_rating (case_id, round) WHERE case_id IS NOT NULL;
CREATE UNIQUE INDEX feedback_rating_visit_idx ON feedback_rating (visit_id) WHERE visit_id IS NOT NULL;
CREATE INDEX feedback_rating_department_idx ON feedback_rating (department_code, created_at DESC);
CREATE INDEX feedback_rating_region_idx ON feedback_rating (region_code, created_at DESC);

-- 差评整改: verify (核实), rectify or explain (整改/解释), revisit (回访) the rater; due dates in working days.
CREATE TABLE feedback_rectification (
  id               uuid PRIMARY KEY,
  rating_id        uuid         NOT NULL UNIQUE REFERENCES feedback_rating (id),
  department_code  text         NOT NULL,
  region_code      text         NOT NULL,
  status           text         NOT NULL CHECK (status IN ('VERIFYING', 'RECTIFYING', 'REVISITING', 'CLOSED', 'EXCLUDED')),
  opened_on        date         NOT NULL,
  verify_due       date         NOT NULL,
  rectify_due      date         NOT NULL,
  verified_at      timestamptz,
  verified_by      text,
  verification     text,
  rectified_at     timestamptz,
  rectified_by     text,
  outcome          text CHECK (outcome IN ('RECTIFIED', 'EXPLAINED')),
  rectification    text,
  on_time          boolean,
  revisited_at     timestamptz,
  revisited_by     text,
  revisit_note     text,
  created_at       timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX feedback_rectification_department_idx ON feedback_rectification (department_code, status);

-- 申诉: the department asks the region's supervisor to exclude a mistaken or malicious rating.
CREATE TABLE feedback_appeal (
  id               uuid PRIMARY KEY,
  rating_id        uuid         NOT NULL UNIQUE REFERENCES feedback_rating (id),
  department_code  text         NOT NULL,
  region_code      text         NOT NULL,
  ground           text         NOT NULL CHECK (ground IN ('MISTAKEN', 'MALICIOUS')),
  reason           text         NOT NULL,
  status           text         NOT NULL CHECK (status IN ('PENDING', 'UPHELD', 'REJECTED')),
  filed_by         text         NOT NULL,
  filed_at         timestamptz  NOT NULL DEFAULT now(),
  decided_by       text,
  decided_at       timestamptz,
  decision_note    text
);
CREATE INDEX feedback_appeal_region_idx ON feedback_appeal (region_code, status);

-- The statistics, kept up to date in the same transaction as each rating, rectification and appeal: the public page and
-- API sum a few rows per department and month instead of scanning the ratings.
CREATE TABLE feedback_monthly (
  month            date         NOT NULL,
  department_code  text         NOT NULL,
  region_code      text         NOT NULL,
  ratings          bigint       NOT NULL DEFAULT 0,
  active           bigint       NOT NULL DEFAULT 0,
  good             bigint       NOT NULL DEFAULT 0,
  active_good      bigint       NOT NULL DEFAULT 0,
  neutral          bigint       NOT NULL DEFAULT 0,
  bad              bigint       NOT NULL DEFAULT 0,
  defaulted        bigint       NOT NULL DEFAULT 0,
  rectify_opened   bigint       NOT NULL DEFAULT 0,
  rectify_done     bigint       NOT NULL DEFAULT 0,
  rectify_on_time  bigint       NOT NULL DEFAULT 0,
  PRIMARY KEY (month, department_code, region_code)
);

CREATE TABLE feedback_monthly_tag (
  month            date         NOT NULL,
  department_code  text         NOT NULL,
  region_code      text         NOT NULL,
  tag              text         NOT NULL,
  bad              bigint       NOT NULL DEFAULT 0,
  PRIMARY KEY (month, department_code, region_code, tag)
);

INSERT INTO notification_template (event, channel, subject, body) VALUES
 ('RATING_INVITED', 'INAPP', '请评价本次办事服务', '您的{itemName}（{caseNumber}）已办结，欢迎对本次服务作出评价（好差评）。{days}日内未评价的，系统默认好评。'),
 ('RATING_INVITED', 'SMS', '', '【通办】您的{itemName}已办结，欢迎登录通办对本次服务作出评价。'),
 ('RATING_REVISITED', 'INAPP', '差评整改情况回访', '您对{subject}的评价已由{department}核实处理：{outcome}。如仍有意见，您可以重新评价一次。');
