-- A receipt finds its message through notification_sms_part's carrier_ref since V272; the message's own carrier_ref
-- is kept for the console, never searched. Its index only cost an index entry on every hand-over (issue 21).
DROP INDEX IF EXISTS notification_delivery_carrier_idx;
