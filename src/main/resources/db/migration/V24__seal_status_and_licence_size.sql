-- A seal's status changes are recorded as such (they were kept as "SEALED" rows marked by a "status:" reference).
ALTER TABLE seal_use DROP CONSTRAINT seal_use_outcome_check;
UPDATE seal_use SET outcome = 'STATUS' WHERE document_ref LIKE 'status:%';
ALTER TABLE seal_use ADD CONSTRAINT seal_use_outcome_check CHECK (outcome IN ('SEALED', 'REFUSED', 'STATUS'));

-- The size of the sealed PDF, so that a licence used as a case's material (用证) carries its real size.
ALTER TABLE licence_licence ADD COLUMN pdf_size bigint;
