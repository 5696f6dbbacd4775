-- The resource server now asks the authorization store whether each access token is still active (a revocation
-- check, cached for a few seconds: docs/security.md), and the token endpoint looks refresh tokens and codes up by
-- value. Without an index each look-up read the whole table. Hash indexes: tokens are long and only ever compared
-- for equality. All seven token columns, so that a look-up without a type hint (revocation) can use them too.
CREATE INDEX oauth2_authorization_state_idx ON oauth2_authorization USING hash (state);
CREATE INDEX oauth2_authorization_code_idx ON oauth2_authorization USING hash (authorization_code_value);
CREATE INDEX oauth2_authorization_access_idx ON oauth2_authorization USING hash (access_token_value);
CREATE INDEX oauth2_authorization_refresh_idx ON oauth2_authorization USING hash (refresh_token_value);
CREATE INDEX oauth2_authorization_id_token_idx ON oauth2_authorization USING hash (oidc_id_token_value);
CREATE INDEX oauth2_authorization_user_code_idx ON oauth2_authorization USING hash (user_code_value);
CREATE INDEX oauth2_authorization_device_code_idx ON oauth2_authorization USING hash (device_code_value);

-- Refresh tokens rotated out (each refresh issues a new one). Presenting one again means it was stolen or copied:
-- the whole family (the authorization it belonged to) is revoked. Kept as a SHA-256 of the token, until it would
-- have expired anyway.
CREATE TABLE identity_rotated_refresh_token (
  token_hash       varchar(64)  PRIMARY KEY,
  authorization_id varchar(100) NOT NULL REFERENCES oauth2_authorization (id) ON DELETE CASCADE,
  expires_at       timestamptz  NOT NULL
);
CREATE INDEX identity_rotated_refresh_token_authorization_idx ON identity_rotated_refresh_token (authorization_id);
CREATE INDEX identity_rotated_refresh_token_expires_idx ON identity_rotated_refresh_token (expires_at);

-- The catch-all scope "api" becomes the scopes of the API groups (cases.read, cases.write, tasks), so that clients
-- registered with it keep what they could do; new clients are granted each group on its own.
UPDATE oauth2_registered_client c
   SET scopes = (SELECT string_agg(DISTINCT s, ',' ORDER BY s)
                   FROM unnest(string_to_array(c.scopes, ',') || ARRAY['cases.read', 'cases.write', 'tasks']) AS s
                  WHERE s <> 'api')
 WHERE 'api' = ANY (string_to_array(c.scopes, ','));
