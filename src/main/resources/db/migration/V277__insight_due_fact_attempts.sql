-- How often counting a marked fact failed (ADR 0057): it then waits 1, 2, 4 … minutes, at most a day, while the facts
-- behind it are counted.
ALTER TABLE insight_due_fact ADD COLUMN attempts int NOT NULL DEFAULT 0;
