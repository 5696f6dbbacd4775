-- Licence verification for department systems (issue 19 §5): which department each client system verifies for, and
-- every call with each identifier asked, in order, and its outcome, so the holder sees who verified their licence.
CREATE TABLE licence_verification_client (
  client_id       varchar(100) PRIMARY KEY,
  department_code varchar(40)  NOT NULL,
  created_at      timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE licence_verification_call (
  id              bigserial    PRIMARY KEY,
  client_id       varchar(100) NOT NULL,
  department_code varchar(40),
  kind            varchar(10)  NOT NULL CHECK (kind IN ('SINGLE', 'BULK')),
  asked           integer      NOT NULL,
  outcome         varchar(20)  NOT NULL,
  called_at       timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX licence_verification_call_client_idx ON licence_verification_call (client_id, called_at);

CREATE TABLE licence_verification_check (
  call_id    bigint       NOT NULL REFERENCES licence_verification_call (id),
  position   integer      NOT NULL,
  identifier varchar(200) NOT NULL,
  licence_id uuid,
  outcome    varchar(20)  NOT NULL,
  PRIMARY KEY (call_id, position)
);
CREATE INDEX licence_verification_check_licence_idx ON licence_verification_check (licence_id) WHERE licence_id IS NOT NULL;
