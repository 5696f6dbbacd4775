-- Reads are recorded by the statement that reads the data (tongban.exchange.internal.ReadRecorder) and sealed into the
-- audit trail afterwards, every half second, by ranges of ids: one chained DATA_READ entry per range, whose detail
-- ("reads 101-250: 150 reads (SERVED 150), seal <hex>") holds the range and the HMAC over its records' seals
-- (tongban.exchange.internal.ReadSeals). New records keep audit_id null. The head holds the last id sealed; records
-- already there (sealed by V41 batches, or from before) are not sealed again and are checked record by record.
CREATE TABLE exchange_seal_head (
    id      int PRIMARY KEY CHECK (id = 1),
    last_id bigint NOT NULL
);
INSERT INTO exchange_seal_head (id, last_id) SELECT 1, coalesce(max(id), 0) FROM exchange_access;
