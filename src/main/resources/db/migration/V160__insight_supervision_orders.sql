-- 督办单: raised by a rule (one per rule and subject, ever: a case red once earns one red card) or by a supervisor by
-- hand; the status moves along SupervisionTransitions.GRAPH (docs/states/supervision-order.md).
CREATE SEQUENCE insight_order_number_seq;

CREATE TABLE insight_order_sheet (
  id               uuid PRIMARY KEY,
  number           text        NOT NULL UNIQUE,
  rule             text        NOT NULL,
  subject_key      text        NOT NULL,
  subject          text        NOT NULL,
  department_code  text        NOT NULL,
  region_code      text        NOT NULL,
  reference        text,
  card             text CHECK (card IN ('YELLOW', 'RED')),
  status           text        NOT NULL CHECK (status IN ('ISSUED', 'ANSWERED', 'CLOSED', 'ESCALATED')),
  due              date        NOT NULL,
  issued_by        text        NOT NULL,
  issued_at        timestamptz NOT NULL,
  answer           text,
  answered_by      text,
  answered_at      timestamptz,
  decision         text,
  decided_by       text,
  decided_at       timestamptz,
  escalated_to     text
);
CREATE UNIQUE INDEX insight_order_rule_subject_idx ON insight_order_sheet (rule, subject_key) WHERE rule <> 'MANUAL';
CREATE INDEX insight_order_region_idx ON insight_order_sheet (region_code, status);
CREATE INDEX insight_order_department_idx ON insight_order_sheet (department_code, status);

-- 黄牌/红牌: the card an automatic order carries, counted in the month it was issued (考核).
CREATE TABLE insight_card (
  order_id         uuid PRIMARY KEY REFERENCES insight_order_sheet (id),
  department_code  text        NOT NULL,
  card             text        NOT NULL CHECK (card IN ('YELLOW', 'RED')),
  issued_on        date        NOT NULL
);
CREATE INDEX insight_card_month_idx ON insight_card (issued_on, department_code);

-- 考核 scoring rules as data: every saved version kept with who and when; a month is scored with the version in force
-- at its end (or now, for the month under way).
CREATE TABLE insight_score_rule_set (
  id               uuid PRIMARY KEY,
  version          integer     NOT NULL UNIQUE,
  yellow_deduction numeric(5,2) NOT NULL,
  red_deduction    numeric(5,2) NOT NULL,
  created_by       text        NOT NULL,
  created_at       timestamptz NOT NULL
);

CREATE TABLE insight_score_rule (
  set_id           uuid        NOT NULL REFERENCES insight_score_rule_set (id),
  position         integer     NOT NULL,
  indicator_code   text        NOT NULL,
  weight           integer     NOT NULL CHECK (weight BETWEEN 0 AND 100),
  target           numeric(12,4) NOT NULL,
  higher_is_better boolean     NOT NULL,
  PRIMARY KEY (set_id, indicator_code)
);

-- the first rules, in force from the start: 按时办结 weighs most (行政许可法 Art. 42), then what citizens feel.
INSERT INTO insight_score_rule_set (id, version, yellow_deduction, red_deduction, created_by, created_at)
VALUES ('00000000-0000-0000-0000-000000000160', 1, 1, 3, '系统初始', '2020-01-01T00:00:00+08:00');
INSERT INTO insight_score_rule (set_id, position, indicator_code, weight, target, higher_is_better) VALUES
  ('00000000-0000-0000-0000-000000000160', 1, 'on-time-rate', 30, 0.98, true),
  ('00000000-0000-0000-0000-000000000160', 2, 'online-rate', 15, 0.80, true),
  ('00000000-0000-0000-0000-000000000160', 3, 'fully-online-rate', 10, 0.60, true),
  ('00000000-0000-0000-0000-000000000160', 4, 'good-rate', 15, 0.99, true),
  ('00000000-0000-0000-0000-000000000160', 5, 'bad-rectified-rate', 10, 1.00, true),
  ('00000000-0000-0000-0000-000000000160', 6, 'hotline-on-time-rate', 10, 0.95, true),
  ('00000000-0000-0000-0000-000000000160', 7, 'hotline-satisfaction', 10, 0.90, true);
