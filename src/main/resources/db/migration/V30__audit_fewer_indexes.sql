-- audit entries are written on every read of someone's data: no index that nothing reads
DROP INDEX IF EXISTS audit_entry_kind_idx;
