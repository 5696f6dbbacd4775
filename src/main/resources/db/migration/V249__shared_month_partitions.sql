-- Tables partitioned by month on their column "at" (tongban.shared.MonthlyPartitions, decision 0050): a month's partition
-- is named <table>_pYYYYMM and covers that month in Asia/Shanghai; <table>_default takes rows of a month that has no
-- partition yet (a clock set far ahead in a test, a late import), so that no insert ever fails for want of one.
-- shared_month_partition creates the partition of the month holding `month` if it is absent, first moving that month's
-- rows out of the default partition (PostgreSQL refuses to attach a range the default partition still holds rows of).
-- Used by the migrations that convert tables and by the daily job that keeps months ahead; safe to call twice.
CREATE FUNCTION shared_month_partition(parent text, month date) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  lo   timestamptz := date_trunc('month', month::timestamp) AT TIME ZONE 'Asia/Shanghai';
  hi   timestamptz := (date_trunc('month', month::timestamp) + interval '1 month') AT TIME ZONE 'Asia/Shanghai';
  part text        := parent || '_p' || to_char(month, 'YYYYMM');
BEGIN
  IF to_regclass(part) IS NOT NULL THEN
    RETURN part;
  END IF;
  EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part, parent);
  IF to_regclass(parent || '_default') IS NOT NULL THEN
    EXECUTE format('WITH moved AS (DELETE FROM %I WHERE at >= %L AND at < %L RETURNING *) INSERT INTO %I SELECT * FROM moved',
                   parent || '_default', lo, hi, part);
  END IF;
  EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', parent, part, lo, hi);
  RETURN part;
END $$;
