-- 主题: themes for citizens (个人) and businesses (法人).
CREATE TABLE catalog_theme (
  code     varchar(40)  PRIMARY KEY,
  name     varchar(40)  NOT NULL UNIQUE,
  audience varchar(20)  NOT NULL CHECK (audience IN ('CITIZEN', 'LEGAL_PERSON')),
  position int          NOT NULL
);
INSERT INTO catalog_theme (code, name, audience, position) VALUES
 ('birth', '生育收养', 'CITIZEN', 1), ('household', '户籍办理', 'CITIZEN', 2), ('education', '教育', 'CITIZEN', 3),
 ('employment', '就业创业', 'CITIZEN', 4), ('social-security', '社会保障', 'CITIZEN', 5), ('health', '医疗卫生', 'CITIZEN', 6),
 ('marriage', '婚姻登记', 'CITIZEN', 7), ('housing', '住房', 'CITIZEN', 8), ('retirement', '退休养老', 'CITIZEN', 9),
 ('after-death', '身后事', 'CITIZEN', 10), ('assistance', '民政救助', 'CITIZEN', 11), ('legal', '司法公证', 'CITIZEN', 12),
 ('establish', '设立变更', 'LEGAL_PERSON', 21), ('permits', '准营准办', 'LEGAL_PERSON', 22),
 ('qualification', '资质认证', 'LEGAL_PERSON', 23), ('annual', '年检年审', 'LEGAL_PERSON', 24),
 ('tax', '税费', 'LEGAL_PERSON', 25), ('closing', '注销清算', 'LEGAL_PERSON', 26), ('construction', '工程建设', 'LEGAL_PERSON', 27);

-- A service item across its versions; code is the opaque handle-item code (业务办理项编码).
CREATE TABLE catalog_item (
  id              uuid         PRIMARY KEY,
  code            varchar(60)  NOT NULL UNIQUE,
  department_code varchar(40)  NOT NULL,
  created_at      timestamptz  NOT NULL DEFAULT now(),
  reviewed_at     timestamptz  NOT NULL DEFAULT now(),
  views           bigint       NOT NULL DEFAULT 0
);

-- Versions: DRAFT → SUBMITTED → PUBLISHED → SUPERSEDED | WITHDRAWN. A published guide never changes.
CREATE TABLE catalog_item_version (
  id              uuid         PRIMARY KEY,
  item_id         uuid         NOT NULL REFERENCES catalog_item (id),
  version_no      int          NOT NULL,
  status          varchar(12)  NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'PUBLISHED', 'SUPERSEDED', 'WITHDRAWN')),
  guide           jsonb        NOT NULL,
  name            varchar(200) NOT NULL,
  type            varchar(4)   NOT NULL,
  department_code varchar(40)  NOT NULL,
  online_depth    int          NOT NULL,
  required_visits int          NOT NULL,
  scope           varchar(40),
  served_party    varchar(40)  NOT NULL,
  themes          varchar(400) NOT NULL,
  updated_at      timestamptz  NOT NULL DEFAULT now(),
  updated_by      uuid,
  published_at    timestamptz,
  lock_version    bigint       NOT NULL DEFAULT 0,
  UNIQUE (item_id, version_no)
);
CREATE UNIQUE INDEX catalog_one_published_idx ON catalog_item_version (item_id) WHERE status = 'PUBLISHED';
CREATE UNIQUE INDEX catalog_one_open_draft_idx ON catalog_item_version (item_id) WHERE status IN ('DRAFT', 'SUBMITTED');
CREATE INDEX catalog_published_browse_idx ON catalog_item_version (department_code, type) WHERE status = 'PUBLISHED';

-- Every change, with a field-by-field diff (JSON: field → [before, after]).
CREATE TABLE catalog_audit (
  id         bigserial    PRIMARY KEY,
  item_id    uuid         NOT NULL REFERENCES catalog_item (id),
  version_no int          NOT NULL,
  at         timestamptz  NOT NULL DEFAULT now(),
  actor_id   uuid,
  actor_name varchar(100) NOT NULL,
  action     varchar(20)  NOT NULL,
  diff       jsonb        NOT NULL DEFAULT '{}'
);
CREATE INDEX catalog_audit_item_idx ON catalog_audit (item_id, id DESC);
