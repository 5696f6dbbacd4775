-- Special procedures (听证, 招标, 拍卖, 检验, 检测, 检疫, 鉴定, 专家评审: 行政许可法 Art. 45) stop the clock, with notice to
-- the applicant in writing; one extension of at most 10 working days with the head's approval (Art. 42).
CREATE TABLE casework_pause (
  id          bigserial PRIMARY KEY,
  case_id     uuid NOT NULL REFERENCES casework_case (id),
  kind        text NOT NULL,
  reason      text NOT NULL,
  started_on  date NOT NULL,
  ended_on    date,
  result      text,
  started_by  text NOT NULL
);
CREATE INDEX casework_pause_case_idx ON casework_pause (case_id);

ALTER TABLE casework_case ADD COLUMN extension_days int NOT NULL DEFAULT 0;
ALTER TABLE casework_case ADD COLUMN extension_reason text;
ALTER TABLE casework_case ADD COLUMN extension_approved_by text;

INSERT INTO notification_template (event, channel, subject, body) VALUES
 ('SPECIAL_PROCEDURE', 'INAPP', '进入特别程序', '“{itemName}”（{caseNumber}）进入{kind}程序，所需时间不计入办理期限。原因：{reason}'),
 ('SPECIAL_PROCEDURE', 'EMAIL', '【通办】特别程序告知：{itemName}', '{name}，您好：' || chr(10) || chr(10) || '“{itemName}”（{caseNumber}）因{reason}，进入{kind}程序。根据《中华人民共和国行政许可法》第四十五条，所需时间不计入办理期限。' || chr(10) || '查看：{link}'),
 ('SPECIAL_PROCEDURE', 'SMS', '', '【通办】您的{itemName}（{caseNumber}）进入{kind}程序，所需时间不计入办理期限。'),
 ('CASE_EXTENDED', 'INAPP', '办理期限延长', '“{itemName}”（{caseNumber}）经负责人批准延长 {days} 个工作日，理由：{reason}。预计办结日期 {promisedDate}。'),
 ('CASE_EXTENDED', 'EMAIL', '【通办】办理期限延长：{itemName}', '{name}，您好：' || chr(10) || chr(10) || '“{itemName}”（{caseNumber}）经本机关负责人批准，办理期限延长 {days} 个工作日（《中华人民共和国行政许可法》第四十二条）。理由：{reason}。预计办结日期 {promisedDate}。' || chr(10) || '查看：{link}'),
 ('CASE_EXTENDED', 'SMS', '', '【通办】您的{itemName}（{caseNumber}）办理期限延长{days}个工作日，预计{promisedDate}办结。');
