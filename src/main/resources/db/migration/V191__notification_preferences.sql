-- Notification preferences (issue #19): channels, quiet hours and topics a person opted out of. In-app messages are
-- always kept; notices about one's own cases are not topics and are always sent.
CREATE TABLE notification_preference (
  account_id  uuid        PRIMARY KEY,
  sms         boolean     NOT NULL DEFAULT true,
  email       boolean     NOT NULL DEFAULT true,
  quiet_from  time,
  quiet_until time,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK ((quiet_from IS NULL) = (quiet_until IS NULL))
);

CREATE TABLE notification_preference_topic (
  account_id  uuid NOT NULL,
  topic       text NOT NULL,
  PRIMARY KEY (account_id, topic)
);
