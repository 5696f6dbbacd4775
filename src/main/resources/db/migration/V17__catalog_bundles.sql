-- 一件事一次办 bundles as catalogue data that platform admins edit in the console (before: a file on the class path).
-- The shipped bundles (data/catalog/bundles.json) are added on start when their code is missing; a bundle is retired,
-- never deleted, so cases filed under it keep their meaning and a retired shipped bundle does not come back.
CREATE TABLE catalog_bundle (
  code        text PRIMARY KEY,
  name        text NOT NULL,
  description text NOT NULL,
  audience    text NOT NULL CHECK (audience IN ('CITIZEN', 'LEGAL_PERSON')),
  items       jsonb NOT NULL,
  active      boolean NOT NULL DEFAULT true,
  updated_by  text NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE catalog_bundle_audit (
  id          bigserial PRIMARY KEY,
  bundle_code text NOT NULL REFERENCES catalog_bundle (code),
  at          timestamptz NOT NULL DEFAULT now(),
  actor_name  text NOT NULL,
  action      text NOT NULL,
  detail      text
);
CREATE INDEX catalog_bundle_audit_idx ON catalog_bundle_audit (bundle_code, id DESC);
