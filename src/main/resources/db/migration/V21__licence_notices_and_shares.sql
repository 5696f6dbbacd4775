-- Who applied for the licence (told when it is issued and 30 days before it expires), and time-limited share links.
ALTER TABLE licence_licence ADD COLUMN applicant_account_id uuid;
ALTER TABLE licence_licence ADD COLUMN expiry_reminded_at timestamptz;
CREATE INDEX licence_valid_to_idx ON licence_licence (valid_to) WHERE status = 'VALID' AND expiry_reminded_at IS NULL;

CREATE TABLE licence_share (
  token      text PRIMARY KEY,
  licence_id uuid NOT NULL REFERENCES licence_licence (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);

INSERT INTO notification_template (event, channel, subject, body) VALUES
 ('LICENCE_ISSUED', 'INAPP', '电子证照已放入卡包', '您的{licenceName}（{number}）已签发，已放入“我的卡包”，可下载或亮证使用。'),
 ('LICENCE_ISSUED', 'EMAIL', '【通办】电子证照已签发：{licenceName}', '{name}，您好：' || chr(10) || chr(10) || '您的{licenceName}（{number}）已签发并放入卡包。' || chr(10) || '查看：{link}'),
 ('LICENCE_ISSUED', 'SMS', '', '【通办】您的{licenceName}（{number}）已签发，已放入卡包。'),
 ('LICENCE_EXPIRING', 'INAPP', '证照即将到期', '您的{licenceName}（{number}）将于 {validTo} 到期，请及时办理延续。'),
 ('LICENCE_EXPIRING', 'EMAIL', '【通办】证照即将到期：{licenceName}', '{name}，您好：' || chr(10) || chr(10) || '您的{licenceName}（{number}）将于 {validTo} 到期，请及时办理延续。' || chr(10) || '查看：{link}'),
 ('LICENCE_EXPIRING', 'SMS', '', '【通办】您的{licenceName}（{number}）将于{validTo}到期，请及时办理延续。');
