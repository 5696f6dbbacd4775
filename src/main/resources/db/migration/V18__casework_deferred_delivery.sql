-- 容缺后补, second half: the promised material arrives later (online or at a counter) and is recorded as delivered.
ALTER TABLE casework_deferred ADD COLUMN delivered_at timestamptz;
ALTER TABLE casework_deferred ADD COLUMN delivered_by text;
