-- SMS about one case within a short window go out as one message (issue #16, point 15): a queued SMS remembers the
-- case and the account it is about, so the next notice of that case for that person is added to it while it waits.
ALTER TABLE notification_delivery ADD COLUMN case_id uuid;
ALTER TABLE notification_delivery ADD COLUMN account_id uuid;
CREATE INDEX notification_delivery_case_idx ON notification_delivery (case_id, account_id) WHERE case_id IS NOT NULL;
