-- 惠企政策直达 (issue 19): support policies of a department, tagged by conditions over the business register, and the
-- companies each one matched (once per company and policy; a company that no longer matches is removed).
CREATE SEQUENCE proactive_enterprise_policy_seq;

CREATE TABLE proactive_enterprise_policy (
  id              uuid          PRIMARY KEY,
  code            varchar(20)   NOT NULL UNIQUE,
  department_code varchar(40)   NOT NULL,
  title           varchar(100)  NOT NULL,
  summary         varchar(1000) NOT NULL,
  benefit         varchar(500)  NOT NULL,
  conditions      jsonb         NOT NULL,
  valid_from      date          NOT NULL,
  valid_until     date,
  item_code       varchar(60),
  document_number varchar(100)  NOT NULL,
  document_url    varchar(500),
  version         integer       NOT NULL DEFAULT 1,
  updated_by      varchar(100)  NOT NULL,
  updated_at      timestamptz   NOT NULL DEFAULT now(),
  CHECK (valid_until IS NULL OR valid_until >= valid_from)
);
CREATE INDEX proactive_enterprise_policy_department_idx ON proactive_enterprise_policy (department_code);

-- facts: the register values the match was decided on (business register fields, public data of a company).
CREATE TABLE proactive_enterprise_match (
  policy_id      uuid         NOT NULL REFERENCES proactive_enterprise_policy (id) ON DELETE CASCADE,
  subject_index  varchar(128) NOT NULL,
  company_name   varchar(200) NOT NULL,
  facts          jsonb        NOT NULL,
  policy_version integer      NOT NULL,
  matched_at     timestamptz  NOT NULL DEFAULT now(),
  notified       integer      NOT NULL DEFAULT 0,
  PRIMARY KEY (policy_id, subject_index)
);
CREATE INDEX proactive_enterprise_match_subject_idx ON proactive_enterprise_match (subject_index);

INSERT INTO notification_template (event, channel, subject, body) VALUES
 ('ENTERPRISE_POLICY_MATCHED', 'INAPP', '有一项惠企政策适合{company}',
  '根据市场主体登记信息，“{policy}”适合{company}：{benefit}。办理方式：{how}。请在个人中心切换为代表{company}办事后，打开“惠企政策”查看匹配理由。');
