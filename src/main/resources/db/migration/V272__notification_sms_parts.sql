-- Each part of an SMS the SMS centre took, by the message id it answered (issue #24 §1, ADR 0055): a long text goes as
-- several concatenated parts, each with its own id and its own delivery receipt. The message is delivered when every
-- part is, failed as soon as one part is reported undeliverable.
CREATE TABLE notification_sms_part (
  delivery_id bigint NOT NULL REFERENCES notification_delivery (id) ON DELETE CASCADE,
  part        int NOT NULL,
  carrier_ref text NOT NULL,
  stat        text,
  err         text,
  receipt_at  timestamptz,
  PRIMARY KEY (delivery_id, part)
);
CREATE INDEX notification_sms_part_carrier_idx ON notification_sms_part (carrier_ref);
