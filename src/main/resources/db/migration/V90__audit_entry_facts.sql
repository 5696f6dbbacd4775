-- Entries may carry facts: typed values for the code that reads them back (AuditTrail.entries), beside the detail that
-- people read. Facts are not part of the chain's hash; a module that reads them checks them against the chained detail.
ALTER TABLE audit_entry ADD COLUMN facts jsonb;

-- Backfill: the read ranges sealed by exchange ("reads 101-250: 150 reads (SERVED 149, REVEALED 1), seal <hex>") held
-- their range only in the detail; the same values as exchange now records them (ReadSeals.SealedRange).
UPDATE audit_entry e
SET facts = jsonb_build_object(
    'first', p.m[1]::bigint,
    'last', p.m[2]::bigint,
    'count', p.m[3]::int,
    'outcomes', coalesce((SELECT jsonb_object_agg(split_part(o, ' ', 1), split_part(o, ' ', 2)::int)
                          FROM regexp_split_to_table(p.m[4], ', ') o WHERE o <> ''), '{}'::jsonb),
    'seal', p.m[5])
FROM (SELECT id, regexp_match(detail, '^reads (\d+)-(\d+): (\d+) reads \((.*)\), seal ([0-9a-f]{64})$') AS m
      FROM audit_entry WHERE kind = 'DATA_READ' AND actor = 'exchange' AND detail LIKE 'reads %') p
WHERE p.id = e.id AND p.m IS NOT NULL;

CREATE INDEX audit_entry_facts_idx ON audit_entry (kind, actor, id) WHERE facts IS NOT NULL;
