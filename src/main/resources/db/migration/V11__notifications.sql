-- Where a person wants e-mail notifications (optional; SMS goes to the mobile of the account).
ALTER TABLE identity_account ADD COLUMN email varchar(254);

-- Messages per event and channel, with {variables}; platform admins may change the texts.
CREATE TABLE notification_template (
  event    text NOT NULL,
  channel  text NOT NULL CHECK (channel IN ('INAPP', 'EMAIL', 'SMS')),
  subject  text NOT NULL DEFAULT '',
  body     text NOT NULL,
  PRIMARY KEY (event, channel)
);

-- In-app messages (站内消息) of an account.
CREATE TABLE notification_message (
  id          bigserial PRIMARY KEY,
  account_id  uuid NOT NULL,
  event       text NOT NULL,
  subject     text NOT NULL,
  body        text NOT NULL,
  link        text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  read_at     timestamptz
);
CREATE INDEX notification_message_account_idx ON notification_message (account_id, id DESC);

-- Every e-mail sent or refused by the server, for support and for the demo.
CREATE TABLE notification_email_log (
  id          bigserial PRIMARY KEY,
  recipient   text NOT NULL,
  subject     text NOT NULL,
  status      text NOT NULL,
  detail      text,
  created_at  timestamptz NOT NULL DEFAULT now()
);

INSERT INTO notification_template (event, channel, subject, body) VALUES
 ('CASE_SUBMITTED', 'INAPP', '申请已提交', '您的“{itemName}”申请已提交，办件编号 {caseNumber}。部门审查后将告知受理结果。'),
 ('CASE_SUBMITTED', 'EMAIL', '【通办】申请已提交：{itemName}', '{name}，您好：' || chr(10) || chr(10) || '您的“{itemName}”申请已提交，办件编号 {caseNumber}，预计办结日期 {promisedDate}。' || chr(10) || '查看进度：{link}'),
 ('CASE_SUBMITTED', 'SMS', '', '【通办】您的{itemName}申请已提交，办件编号{caseNumber}。'),
 ('CASE_ACCEPTED', 'INAPP', '已受理', '“{itemName}”（{caseNumber}）已受理，受理通知书编号 {acceptanceNo}，预计 {promisedDate} 前办结。'),
 ('CASE_ACCEPTED', 'EMAIL', '【通办】已受理：{itemName}', '{name}，您好：' || chr(10) || chr(10) || '“{itemName}”（{caseNumber}）已受理，受理通知书编号 {acceptanceNo}，预计 {promisedDate} 前办结。' || chr(10) || '查看进度：{link}'),
 ('CASE_ACCEPTED', 'SMS', '', '【通办】您的{itemName}（{caseNumber}）已受理，预计{promisedDate}前办结。'),
 ('SUPPLEMENT_REQUESTED', 'INAPP', '请补正材料', '“{itemName}”（{caseNumber}）需要补正：{materials}。请在“我的办件”中上传。'),
 ('SUPPLEMENT_REQUESTED', 'EMAIL', '【通办】请补正材料：{itemName}', '{name}，您好：' || chr(10) || chr(10) || '“{itemName}”（{caseNumber}）需要补正以下材料：{materials}。' || chr(10) || '请登录后上传：{link}'),
 ('SUPPLEMENT_REQUESTED', 'SMS', '', '【通办】您的{itemName}（{caseNumber}）需补正材料，请登录通办查看。'),
 ('CASE_APPROVED', 'INAPP', '已准予', '“{itemName}”（{caseNumber}）已准予，正在送达。'),
 ('CASE_APPROVED', 'EMAIL', '【通办】已准予：{itemName}', '{name}，您好：' || chr(10) || chr(10) || '“{itemName}”（{caseNumber}）已准予，正在送达。' || chr(10) || '查看：{link}'),
 ('CASE_APPROVED', 'SMS', '', '【通办】您的{itemName}（{caseNumber}）已准予。'),
 ('CASE_DENIED', 'INAPP', '不予准予', '“{itemName}”（{caseNumber}）不予准予。理由：{reason}'),
 ('CASE_DENIED', 'EMAIL', '【通办】不予准予：{itemName}', '{name}，您好：' || chr(10) || chr(10) || '“{itemName}”（{caseNumber}）不予准予。理由：{reason}' || chr(10) || '您可以依法申请行政复议或者提起行政诉讼。查看：{link}'),
 ('CASE_DENIED', 'SMS', '', '【通办】您的{itemName}（{caseNumber}）不予准予，请登录通办查看理由。'),
 ('CASE_CONCLUDED', 'INAPP', '已办结', '“{itemName}”（{caseNumber}）已办结。'),
 ('CASE_CONCLUDED', 'EMAIL', '【通办】已办结：{itemName}', '{name}，您好：' || chr(10) || chr(10) || '“{itemName}”（{caseNumber}）已办结。' || chr(10) || '查看：{link}'),
 ('CASE_CONCLUDED', 'SMS', '', '【通办】您的{itemName}（{caseNumber}）已办结。');
