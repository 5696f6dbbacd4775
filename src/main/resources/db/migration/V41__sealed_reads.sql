-- Reads are sealed in batches (tongban.exchange.internal.ReadRecorder): each read record carries the HMAC of its own
-- fields (seal) and the audit entry of its batch (audit_id), whose chained detail holds the HMAC over the batch's seals;
-- one chained audit entry per batch instead of one per read. Records written before this keep audit_id and seal null
-- (each of them has its own audit entry). No index on audit_id: only the verification reads by it, in one ordered pass.
ALTER TABLE exchange_access ADD COLUMN audit_id bigint, ADD COLUMN seal text;
