-- 一件事一次办: one application of a bundle files one case per item, linked and tracked together.
CREATE TABLE casework_bundle (
  id           uuid PRIMARY KEY,
  bundle_code  text NOT NULL,
  bundle_name  text NOT NULL,
  party_id     uuid NOT NULL,
  status       text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz
);
CREATE INDEX casework_bundle_party_idx ON casework_bundle (party_id);
ALTER TABLE casework_case ADD COLUMN bundle_id uuid REFERENCES casework_bundle (id);
CREATE INDEX casework_case_bundle_idx ON casework_case (bundle_id);
