-- 隐私中心 (issue 23): copies of a person's data (个人信息保护法 Art. 45), their requests to correct register data
-- (Art. 46) and the statements given when an account was closed (Art. 47).

-- A copy of everything the platform holds about a person: prepared in the background, downloadable until it expires.
CREATE TABLE privacy_export (
  id           uuid         PRIMARY KEY,
  account_id   uuid         NOT NULL,
  status       varchar(12)  NOT NULL CHECK (status IN ('REQUESTED', 'PREPARING', 'READY', 'EXPIRED', 'FAILED')),
  requested_at timestamptz  NOT NULL,
  ready_at     timestamptz,
  expires_at   timestamptz,
  file_id      text,
  size_bytes   bigint,
  sha256       varchar(64),
  version      bigint       NOT NULL DEFAULT 0
);
-- one copy under way per person at a time: a second request answers the one being prepared
CREATE UNIQUE INDEX privacy_export_one_under_way ON privacy_export (account_id) WHERE status IN ('REQUESTED', 'PREPARING');
CREATE INDEX privacy_export_account_idx ON privacy_export (account_id, requested_at DESC);
CREATE INDEX privacy_export_expiry_idx ON privacy_export (expires_at) WHERE status = 'READY';

-- A request to correct a field of a register, sent as a case to the department that keeps the register.
CREATE TABLE privacy_correction (
  id              uuid         PRIMARY KEY,
  account_id      uuid         NOT NULL,
  resource_code   varchar(40)  NOT NULL,
  resource_name   varchar(100) NOT NULL,
  field           varchar(40)  NOT NULL,
  field_label     varchar(100) NOT NULL,
  corrected_enc   text         NOT NULL,
  department_code varchar(40)  NOT NULL,
  case_id         uuid         NOT NULL,
  case_number     varchar(40),
  requested_at    timestamptz  NOT NULL
);
CREATE INDEX privacy_correction_account_idx ON privacy_correction (account_id, requested_at DESC);

-- What was deleted and what was kept, and why, when an account was closed: shown to the person once, kept as the
-- record of the closure (the account row keeps no name or number of theirs).
CREATE TABLE privacy_closure (
  id          uuid         PRIMARY KEY,
  account_id  uuid         NOT NULL UNIQUE,
  closed_at   timestamptz  NOT NULL,
  statement   jsonb        NOT NULL
);

INSERT INTO notification_template (event, channel, subject, body) VALUES
 ('PRIVACY_EXPORT_READY', 'INAPP', '个人信息副本已生成', '您申请的个人信息副本已生成，请在“隐私中心”下载，{expires} 前有效。'),
 ('PRIVACY_CORRECTION_SENT', 'INAPP', '个人信息更正申请已提交', '您对“{register}”中“{field}”的更正申请已作为办件 {number} 提交给{department}，办理结果将在“隐私中心”显示。');
