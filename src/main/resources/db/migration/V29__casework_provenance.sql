-- 免提交: form values the applicant took from a government register with consent, by field: the source shown to them
-- and to staff, and a MAC (the platform's key) over case, field and value, so a changed value is found at submission.
ALTER TABLE casework_case ADD COLUMN provenance jsonb NOT NULL DEFAULT '{}'::jsonb;
