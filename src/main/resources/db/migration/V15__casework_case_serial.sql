-- Case numbers take their six-digit serial from one platform-wide sequence instead of a counter row per region and
-- day: nextval never waits for another transaction, so concurrent submissions do not queue on the day's row (the
-- counter row stayed locked until each submitting transaction committed). Serials may have gaps (a submission that
-- rolls back keeps its value) and do not restart each day; after 999,999 the sequence starts again at 1, and the
-- number stays unique because it carries the date (unique as long as fewer than a million cases a day are submitted
-- platform-wide; the unique constraint on case_number guards the rest). casework_number still numbers acceptance
-- notices per department and year, gapless.
CREATE SEQUENCE casework_case_serial MINVALUE 1 MAXVALUE 999999 CYCLE CACHE 1;
