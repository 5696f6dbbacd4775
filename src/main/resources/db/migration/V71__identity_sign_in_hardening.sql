-- The last TOTP time step a staff member used: a code is accepted once (RFC 6238 §5.2).
ALTER TABLE identity_account ADD COLUMN totp_last_step bigint;
-- Sessions signed in before this instant end (a password reset ends every session of the account).
ALTER TABLE identity_account ADD COLUMN sessions_valid_after timestamptz;
