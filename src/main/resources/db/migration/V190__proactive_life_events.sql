-- 主动服务 (issue #19 §1): life-event rules as data, and the recommendations they make (为您推荐).

-- A life-event rule: what triggers it (a register change, the nightly pass over a register, licences due in the
-- wallet), its conditions (a JSON list of proactive.rules.Condition), what it recommends and why.
CREATE TABLE proactive_life_rule (
  code           text        PRIMARY KEY,
  name           text        NOT NULL,
  topic          text        NOT NULL,
  subject_kind   text        NOT NULL CHECK (subject_kind IN ('PERSON', 'COMPANY')),
  trigger_kind   text        NOT NULL CHECK (trigger_kind IN ('REGISTER_CHANGE', 'NIGHTLY', 'LICENCE_DUE')),
  -- how the occasion is found: the record itself, a retirement date, an annual report's year, a licence's expiry
  occasion_kind  text        NOT NULL CHECK (occasion_kind IN ('RECORD', 'RETIREMENT', 'ANNUAL_REPORT', 'LICENCE_EXPIRY')),
  resource_code  text,
  conditions     text        NOT NULL DEFAULT '[]',
  -- fields of the record naming the people concerned by ID number (a birth: both parents); empty: the record's subject
  person_fields  text        NOT NULL DEFAULT '',
  window_days    int         NOT NULL DEFAULT 90 CHECK (window_days BETWEEN 1 AND 3650),
  target_kind    text        NOT NULL CHECK (target_kind IN ('ITEM', 'BUNDLE')),
  target_code    text        NOT NULL,
  -- LICENCE_EXPIRY: licence type code -> item code of its renewal or change (JSON object)
  licence_items  text        NOT NULL DEFAULT '{}',
  reason         text        NOT NULL,
  version        int         NOT NULL DEFAULT 1,
  enabled        boolean     NOT NULL DEFAULT true,
  updated_by     text        NOT NULL DEFAULT 'migration',
  updated_at     timestamptz NOT NULL DEFAULT now()
);

-- One recommendation per party, rule and occasion (the birth certificate's index, a licence and its expiry, an age
-- threshold, a report year), however often the rule is evaluated.
CREATE TABLE proactive_recommendation (
  id            uuid        PRIMARY KEY,
  party_kind    text        NOT NULL CHECK (party_kind IN ('PERSON', 'COMPANY')),
  party_id      uuid        NOT NULL,
  rule_code     text        NOT NULL REFERENCES proactive_life_rule (code),
  rule_version  int         NOT NULL,
  occasion      text        NOT NULL,
  target_kind   text        NOT NULL,
  target_code   text        NOT NULL,
  reason        text        NOT NULL,
  status        text        NOT NULL DEFAULT 'NEW' CHECK (status IN ('NEW', 'ACTED', 'DISMISSED')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  changed_at    timestamptz,
  UNIQUE (party_id, rule_code, occasion)
);
CREATE INDEX proactive_recommendation_open_idx ON proactive_recommendation (party_id, created_at DESC) WHERE status = 'NEW';

INSERT INTO proactive_life_rule (code, name, topic, subject_kind, trigger_kind, occasion_kind, resource_code, conditions, person_fields,
                                 window_days, target_kind, target_code, licence_items, reason) VALUES
('LE-BIRTH', '新生儿出生', 'BIRTH', 'PERSON', 'REGISTER_CHANGE', 'RECORD', 'XH-WJ-CS',
 '[{"resource":"XH-WJ-CS","field":"birthDate","operator":"SINCE_WITHIN_DAYS","value":"60"}]', 'motherIdNumber,fatherIdNumber', 60,
 'BUNDLE', 'XH-YJS-NEWBORN', '{}',
 '因为您的孩子{childName}于{birthDate}出生，出生医学证明、出生登记、医保参保和社保卡可以一次办理'),
('LE-LICENCE-DUE', '个人证照到期', 'LICENCE_DUE', 'PERSON', 'LICENCE_DUE', 'LICENCE_EXPIRY', NULL, '[]', '', 90,
 'ITEM', '330106-XK-0001-02', '{"11100000MB0000001T001":"330106-XK-0001-02"}',
 '因为您的{licenceName}将于{validUntil}到期'),
('LE-COMPANY-LICENCE-DUE', '企业证照到期', 'COMPANY_DUE', 'COMPANY', 'LICENCE_DUE', 'LICENCE_EXPIRY', NULL, '[]', '', 90,
 'ITEM', '330106-XK-0001-02', '{"11100000MB0000001T001":"330106-XK-0001-02"}',
 '因为贵单位的{licenceName}将于{validUntil}到期'),
('LE-AGE-60', '年满60周岁', 'AGEING', 'PERSON', 'NIGHTLY', 'RECORD', 'XH-GA-RK',
 '[{"resource":"XH-GA-RK","field":"birthDate","operator":"AGE_AT_LEAST","value":"60"},{"resource":"XH-GA-RK","field":"birthDate","operator":"AGE_BELOW","value":"61"}]',
 '', 90, 'ITEM', '330106-GG-0018-01', '{}', '因为您已年满60周岁，可以办理老年人优待证'),
('LE-AGE-70', '年满70周岁', 'AGEING', 'PERSON', 'NIGHTLY', 'RECORD', 'XH-GA-RK',
 '[{"resource":"XH-GA-RK","field":"birthDate","operator":"AGE_AT_LEAST","value":"70"},{"resource":"XH-GA-RK","field":"birthDate","operator":"AGE_BELOW","value":"71"}]',
 '', 90, 'ITEM', '330106-GG-0018-01', '{}', '因为您已年满70周岁，老年人优待证可享受更多优待'),
('LE-AGE-80', '年满80周岁', 'AGEING', 'PERSON', 'NIGHTLY', 'RECORD', 'XH-GA-RK',
 '[{"resource":"XH-GA-RK","field":"birthDate","operator":"AGE_AT_LEAST","value":"80"},{"resource":"XH-GA-RK","field":"birthDate","operator":"AGE_BELOW","value":"81"}]',
 '', 90, 'ITEM', '330106-GF-0004-01', '{}', '因为您已年满80周岁，可以申领高龄津贴'),
('LE-RETIREMENT', '达到法定退休年龄', 'RETIREMENT', 'PERSON', 'NIGHTLY', 'RETIREMENT', 'XH-GA-RK',
 '[{"resource":"XH-GA-RK","field":"birthDate","operator":"AGE_AT_LEAST","value":"50"}]', '', 90, 'BUNDLE', 'XH-YJS-RETIRE', '{}',
 '因为按渐进式延迟法定退休年龄的规定，您将于{retirementDate}达到法定退休年龄（{retirementAge}）'),
('LE-ANNUAL-REPORT', '企业年度报告', 'COMPANY_DUE', 'COMPANY', 'NIGHTLY', 'ANNUAL_REPORT', 'XH-SCJG-ZT',
 '[{"resource":"XH-SCJG-ZT","field":"status","operator":"EQUALS","value":"存续"}]', '', 181, 'ITEM', '330106-GG-0019-01', '{}',
 '因为贵单位{reportYear}年度报告应于{deadline}前报送并公示');

INSERT INTO notification_template (event, channel, subject, body) VALUES
('PROACTIVE_RECOMMENDED', 'INAPP', '为您推荐：{title}', '{reason}。您可以在“为您推荐”中办理或不再提示。'),
('PROACTIVE_RECOMMENDED', 'SMS', '', '【通办】{reason}，可办理“{title}”，详见 {link}'),
('PROACTIVE_RECOMMENDED', 'EMAIL', '为您推荐：{title}', '{name}，您好：\n\n{reason}。\n\n您可以办理“{title}”：{link}\n\n如不再需要此类提醒，可在“消息设置”中关闭。');
