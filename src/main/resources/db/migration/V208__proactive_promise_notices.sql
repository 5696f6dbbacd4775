-- The applicant is told when a false promise revokes their decision (ADR 0033).
INSERT INTO notification_template (event, channel, subject, body) VALUES
 ('PROMISE_BREACH', 'INAPP', '告知承诺核查不属实，许可决定已撤销', '经核查，您在“{itemName}”（办件编号 {caseNumber}）中所作承诺与实际情况不符，准予决定已撤销，相关电子证照已吊销，并已记入失信记录，{until} 前不能再以承诺方式办理。核查意见：{findings}'),
 ('PROMISE_BREACH', 'SMS', '', '【通办】经核查，您在“{itemName}”中的承诺不属实，准予决定已撤销，详情请登录查看。'),
 ('PROMISE_CONFIRMED', 'INAPP', '告知承诺核查已完成', '您在“{itemName}”（办件编号 {caseNumber}）中所作承诺经核查属实，感谢您诚信办事。');
