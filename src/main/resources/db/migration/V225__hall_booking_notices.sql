-- 预约 notices: confirmation (in-app and SMS), the reminder the day before, cancellation and a missed appointment.
INSERT INTO notification_template (event, channel, subject, body) VALUES
 ('BOOKING_MADE', 'INAPP', '预约成功', '您已预约 {day} {time} 到{pointName}办理“{itemName}”，预约码 {code}。请带好身份证件按时到达，在窗口或自助机报到取号。'),
 ('BOOKING_MADE', 'SMS', '', '【通办】您已预约{day} {time}到{pointName}办理{itemName}，预约码{code}，请按时到达报到。'),
 ('BOOKING_REMINDER', 'INAPP', '明天请按时办事', '提醒：您预约了明天 {day} {time} 到{pointName}办理“{itemName}”，预约码 {code}。不能前往请提前取消。'),
 ('BOOKING_REMINDER', 'SMS', '', '【通办】提醒：您预约了明天{time}到{pointName}办理{itemName}，预约码{code}。不能前往请提前取消。'),
 ('BOOKING_CANCELLED', 'INAPP', '预约已取消', '您 {day} {time} 到{pointName}办理“{itemName}”的预约（预约码 {code}）已取消。'),
 ('BOOKING_MISSED', 'INAPP', '预约未到', '您 {day} {time} 到{pointName}办理“{itemName}”的预约（预约码 {code}）未按时报到，已记为爽约。多次爽约将暂停一段时间的预约。');
