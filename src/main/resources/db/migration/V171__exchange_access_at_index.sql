-- The anomaly rules read a day's reads and 30 days of per-staff counts by time: without this index each scan reads the
-- whole record of reads (10 million rows in the benchmark).
CREATE INDEX exchange_access_at_idx ON exchange_access (at);
