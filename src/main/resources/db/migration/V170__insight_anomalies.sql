-- Anomaly rules on reads of personal data: one hit per day, rule and who (a staff member, or a person read by many),
-- with the reads behind it and the rule's figures; a review task for the supervisors of the reading department's region.
CREATE TABLE insight_anomaly_hit (
  id              uuid        PRIMARY KEY,
  day             date        NOT NULL,
  rule            text        NOT NULL,
  subject_key     text        NOT NULL,
  department_code text        NOT NULL,
  region_code     text        NOT NULL,
  staff_id        text,
  staff_name      text,
  subject_index   text,
  read_count      bigint      NOT NULL,
  figure_a        numeric     NOT NULL DEFAULT 0,
  figure_b        numeric     NOT NULL DEFAULT 0,
  status          text        NOT NULL,
  reason          text,
  decided_by      text,
  decided_at      timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (day, rule, subject_key)
);
CREATE INDEX insight_anomaly_hit_region_idx ON insight_anomaly_hit (region_code, status, day DESC);

CREATE TABLE insight_anomaly_read (
  hit_id    uuid   NOT NULL REFERENCES insight_anomaly_hit (id),
  access_id bigint NOT NULL,
  PRIMARY KEY (hit_id, access_id)
);
CREATE INDEX insight_anomaly_read_access_idx ON insight_anomaly_read (access_id);
