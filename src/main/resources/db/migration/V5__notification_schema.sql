-- SMS that the default sender does not send but keeps, readable by platform admins in demo mode.
CREATE TABLE notification_sms_outbox (
  id         bigserial   PRIMARY KEY,
  mobile     varchar(20) NOT NULL,
  text       varchar(500) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notification_sms_outbox_mobile_idx ON notification_sms_outbox (mobile, id DESC);
