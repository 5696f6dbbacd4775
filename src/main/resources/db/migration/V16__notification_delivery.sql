-- E-mails and text messages wait here, written in the same transaction as the change they report, and are sent by
-- NotificationDelivery after the commit: a change that rolls back sends nothing, a mail server that is down delays
-- the message (retried with growing pauses) instead of failing the change, and no request waits for SMTP.
CREATE TABLE notification_delivery (
  id              bigserial PRIMARY KEY,
  channel         text NOT NULL CHECK (channel IN ('EMAIL', 'SMS')),
  address         text NOT NULL,
  subject         text NOT NULL DEFAULT '',
  body            text NOT NULL,
  attempts        int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error      text,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notification_delivery_due_idx ON notification_delivery (next_attempt_at);
