-- E-mail addresses that bounced (issue #24): the bounce mailbox job (tongban.notification.internal.BounceMailbox) reads
-- delivery status notifications (RFC 3464) and plain-text bounces, fails the e-mail they report and marks its address
-- here, keyed by the address's blind index (the address itself is never stored in the clear), so the person's
-- notification settings say "您的邮箱退信，请检查" and the platform admin's delivery search shows it.
CREATE TABLE notification_bounced_address (
  address_index text PRIMARY KEY,
  delivery_id   bigint REFERENCES notification_delivery (id) ON DELETE SET NULL,
  status        text,
  reason        text NOT NULL,
  bounced_at    timestamptz NOT NULL DEFAULT now(),
  bounces       integer NOT NULL DEFAULT 1
);
