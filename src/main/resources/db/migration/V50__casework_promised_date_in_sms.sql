-- The SMS and the in-app message after a submission name the promised date, the same date as the confirmation page,
-- 我的办件, the e-mail and the approver's inbox (issue #16, point 1). Only the shipped texts are replaced: a text an
-- admin changed stays as it is.
UPDATE notification_template
   SET body = '【通办】您的{itemName}申请已提交，办件编号{caseNumber}，预计{promisedDate}办结。'
 WHERE event = 'CASE_SUBMITTED' AND channel = 'SMS' AND body = '【通办】您的{itemName}申请已提交，办件编号{caseNumber}。';
UPDATE notification_template
   SET body = '您的“{itemName}”申请已提交，办件编号 {caseNumber}，预计 {promisedDate} 办结。部门审查后将告知受理结果。'
 WHERE event = 'CASE_SUBMITTED' AND channel = 'INAPP' AND body = '您的“{itemName}”申请已提交，办件编号 {caseNumber}。部门审查后将告知受理结果。';
