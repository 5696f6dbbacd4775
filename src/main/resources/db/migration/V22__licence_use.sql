-- 用证: a material taken from the applicant's wallet instead of an upload. Trust levels of shared/STANDARDS.md:
-- A issued and sealed by the authority (a licence), C uploaded by the user.
ALTER TABLE casework_material ADD COLUMN trust_level char(1) NOT NULL DEFAULT 'C' CHECK (trust_level IN ('A', 'B', 'C', 'D'));
ALTER TABLE casework_material ADD COLUMN licence_identifier text;

-- Every use of a licence, shown to its holder.
CREATE TABLE licence_use (
  id              bigserial PRIMARY KEY,
  licence_id      uuid NOT NULL REFERENCES licence_licence (id),
  case_id         uuid NOT NULL,
  item_name       text NOT NULL,
  material_name   text NOT NULL,
  department_code text NOT NULL,
  used_by         text NOT NULL,
  used_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX licence_use_licence_idx ON licence_use (licence_id, id DESC);
