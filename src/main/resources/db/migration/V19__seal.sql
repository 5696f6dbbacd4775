-- 电子印章: the seal registry per department and every use of a seal (GB/T 38540; shared/STANDARDS.md).
CREATE TABLE seal_seal (
  id              uuid PRIMARY KEY,
  department_code text NOT NULL,
  name            text NOT NULL,
  type            text NOT NULL,
  allowed_role    text NOT NULL,
  status          text NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'REVOKED')),
  image           bytea NOT NULL,
  key_alias_p256  text NOT NULL,
  key_alias_sm2   text NOT NULL,
  cert_p256       bytea NOT NULL,
  cert_sm2        bytea NOT NULL,
  valid_from      date NOT NULL,
  valid_to        date NOT NULL,
  created_by      text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  status_reason   text
);
CREATE INDEX seal_seal_department_idx ON seal_seal (department_code);

-- Who applied which seal to which document (by its SHA-256), when; refusals too.
CREATE TABLE seal_use (
  id              bigserial PRIMARY KEY,
  seal_id         uuid NOT NULL REFERENCES seal_seal (id),
  account_id      uuid,
  actor_name      text NOT NULL,
  document_ref    text NOT NULL,
  document_sha256 text,
  outcome         text NOT NULL CHECK (outcome IN ('SEALED', 'REFUSED')),
  reason          text,
  at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX seal_use_seal_idx ON seal_use (seal_id, id DESC);
