-- Roll-ups of insight_daily, so that a year of a region is read from a few thousand rows instead of millions
-- (docs/performance.md, "Issue 18: dashboards", ADR 0029): insight_monthly keeps the item; insight_monthly_unit and
-- insight_daily_unit drop it (about 70 times fewer rows), for the common questions by department, region or month.
-- Statement-level triggers with transition tables keep all three equal to the daily sums whoever writes the daily
-- counters (listeners' upserts, the backfill's delete and insert).
CREATE TABLE insight_monthly (
  month           date   NOT NULL,
  department_code text   NOT NULL,
  region_code     text   NOT NULL,
  item_code       text   NOT NULL,
  measure         text   NOT NULL,
  value           bigint NOT NULL,
  PRIMARY KEY (month, department_code, region_code, item_code, measure)
);
CREATE TABLE insight_monthly_unit (
  month           date   NOT NULL,
  department_code text   NOT NULL,
  region_code     text   NOT NULL,
  measure         text   NOT NULL,
  value           bigint NOT NULL,
  PRIMARY KEY (month, department_code, region_code, measure)
);

CREATE TABLE insight_daily_unit (
  day             date   NOT NULL,
  department_code text   NOT NULL,
  region_code     text   NOT NULL,
  measure         text   NOT NULL,
  value           bigint NOT NULL,
  PRIMARY KEY (day, department_code, region_code, measure)
);
CREATE INDEX insight_daily_unit_measure_day_idx ON insight_daily_unit (measure, day);

CREATE FUNCTION insight_roll_up_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT day, department_code, region_code, item_code, measure, value FROM new_rows'
    WHEN 'UPDATE' THEN 'SELECT day, department_code, region_code, item_code, measure, value FROM new_rows'
      || ' UNION ALL SELECT day, department_code, region_code, item_code, measure, -value AS value FROM old_rows'
    ELSE 'SELECT day, department_code, region_code, item_code, measure, -value AS value FROM old_rows' END;
BEGIN
  EXECUTE format($sql$
    INSERT INTO insight_monthly AS m (month, department_code, region_code, item_code, measure, value)
    SELECT date_trunc('month', c.day)::date, c.department_code, c.region_code, c.item_code, c.measure, sum(c.value)
    FROM (%s) c GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (month, department_code, region_code, item_code, measure) DO UPDATE SET value = m.value + excluded.value$sql$, changes);
  EXECUTE format($sql$
    INSERT INTO insight_monthly_unit AS u (month, department_code, region_code, measure, value)
    SELECT date_trunc('month', c.day)::date, c.department_code, c.region_code, c.measure, sum(c.value)
    FROM (%s) c GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (month, department_code, region_code, measure) DO UPDATE SET value = u.value + excluded.value$sql$, changes);
  EXECUTE format($sql$
    INSERT INTO insight_daily_unit AS d (day, department_code, region_code, measure, value)
    SELECT c.day, c.department_code, c.region_code, c.measure, sum(c.value)
    FROM (%s) c GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (day, department_code, region_code, measure) DO UPDATE SET value = d.value + excluded.value$sql$, changes);
  RETURN NULL;
END
$$;

CREATE TRIGGER insight_daily_roll_up_insert AFTER INSERT ON insight_daily
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insight_roll_up_changes();
CREATE TRIGGER insight_daily_roll_up_update AFTER UPDATE ON insight_daily
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insight_roll_up_changes();
CREATE TRIGGER insight_daily_roll_up_delete AFTER DELETE ON insight_daily
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION insight_roll_up_changes();

INSERT INTO insight_monthly (month, department_code, region_code, item_code, measure, value)
  SELECT date_trunc('month', day)::date, department_code, region_code, item_code, measure, sum(value)
  FROM insight_daily GROUP BY 1, 2, 3, 4, 5;
INSERT INTO insight_monthly_unit (month, department_code, region_code, measure, value)
  SELECT date_trunc('month', day)::date, department_code, region_code, measure, sum(value)
  FROM insight_daily GROUP BY 1, 2, 3, 4;
INSERT INTO insight_daily_unit (day, department_code, region_code, measure, value)
  SELECT day, department_code, region_code, measure, sum(value) FROM insight_daily GROUP BY 1, 2, 3, 4;
