-- 效能监察: daily counters per department, region and item ('' where one does not apply); indicators are formulas
-- over them (tongban.insight.Indicator). Kept up to date from module events and rebuilt by the backfill.
CREATE TABLE insight_daily (
  day             date   NOT NULL,
  department_code text   NOT NULL,
  region_code     text   NOT NULL,
  item_code       text   NOT NULL,
  measure         text   NOT NULL,
  value           bigint NOT NULL,
  PRIMARY KEY (day, department_code, region_code, item_code, measure)
);
CREATE INDEX insight_daily_measure_day_idx ON insight_daily (measure, day);
