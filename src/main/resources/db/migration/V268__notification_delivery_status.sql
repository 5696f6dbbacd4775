-- Every message keeps its delivery status (issue #24, after GOV.UK Notify: created, sending, delivered, failed with the
-- reason): a queued e-mail or SMS is no longer deleted once handed over but moves along DeliveryStatus.GRAPH, each move
-- a row of notification_delivery_status, so staff see "短信已送达 10:32" on a case or ticket and the person sees it on
-- 我的消息. The address stays encrypted; address_index is its blind index, for a person's and the admin's searches.
ALTER TABLE notification_delivery
  ADD COLUMN status        text NOT NULL DEFAULT 'CREATED'
                           CHECK (status IN ('CREATED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED')),
  ADD COLUMN status_at     timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN event         text,
  ADD COLUMN ticket_id     uuid,
  ADD COLUMN address_index text,
  ADD COLUMN carrier_ref   text,
  ADD COLUMN detail        text;

CREATE TABLE notification_delivery_status (
  id          bigserial PRIMARY KEY,
  delivery_id bigint NOT NULL REFERENCES notification_delivery (id) ON DELETE CASCADE,
  status      text NOT NULL,
  detail      text,
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notification_delivery_status_delivery_idx ON notification_delivery_status (delivery_id, id);

-- only the messages still waiting are due; the handed-over ones stay for their status
DROP INDEX notification_delivery_due_idx;
CREATE INDEX notification_delivery_due_idx ON notification_delivery (next_attempt_at) WHERE status = 'CREATED';
CREATE INDEX notification_delivery_ticket_idx ON notification_delivery (ticket_id) WHERE ticket_id IS NOT NULL;
CREATE INDEX notification_delivery_account_idx ON notification_delivery (account_id, id DESC) WHERE account_id IS NOT NULL;
CREATE INDEX notification_delivery_address_idx ON notification_delivery (address_index, id DESC);
CREATE INDEX notification_delivery_carrier_idx ON notification_delivery (carrier_ref) WHERE carrier_ref IS NOT NULL;
CREATE INDEX notification_delivery_created_idx ON notification_delivery (created_at);
