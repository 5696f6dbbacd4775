-- Closing an account (个人信息保护法 Art. 47, issue 23): the row stays (cases, the audit trail and read records name
-- it), emptied of the person's numbers and contacts, so the same ID number can register again as a new account.
ALTER TABLE identity_account ADD COLUMN closed_at timestamptz;
ALTER TABLE identity_account DROP CONSTRAINT identity_account_citizen_id;
ALTER TABLE identity_account ADD CONSTRAINT identity_account_citizen_id
  CHECK (kind <> 'CITIZEN' OR id_number_index IS NOT NULL OR closed_at IS NOT NULL);

-- The keyed index (never the number) of the ID number and mobile a closed account signed in with: a later sign-in
-- with them is told the account was closed instead of "wrong password". Kept as the processing record (Art. 56: at
-- least three years).
CREATE TABLE identity_closed_login (
  login_index text        NOT NULL,
  account_id  uuid        NOT NULL REFERENCES identity_account (id),
  closed_at   timestamptz NOT NULL,
  PRIMARY KEY (login_index, account_id)
);
