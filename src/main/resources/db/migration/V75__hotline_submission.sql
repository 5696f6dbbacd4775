-- Open311 submissions that a client may retry (tongban.hotline, issue #16 point 18): the ticket a request created, by the
-- client's Idempotency-Key and by a keyed MAC of the request's content (phone code included), so a retry whose first
-- answer was lost returns the same ticket instead of "code already used" or a duplicate.
CREATE TABLE hotline_submission (
  id               bigserial   PRIMARY KEY,
  api_client       text        NOT NULL,
  idempotency_key  text,
  fingerprint      text        NOT NULL,
  ticket_id        uuid        NOT NULL REFERENCES hotline_ticket (id),
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX hotline_submission_key_idx ON hotline_submission (api_client, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX hotline_submission_fingerprint_idx ON hotline_submission (api_client, fingerprint, created_at);
