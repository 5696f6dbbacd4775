-- A department's finished cases, the latest first (the workbench's 办结件 list).
CREATE INDEX casework_case_finished_idx ON casework_case (department_code, concluded_at DESC) WHERE concluded_at IS NOT NULL;
