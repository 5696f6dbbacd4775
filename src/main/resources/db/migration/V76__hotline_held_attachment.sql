-- Attachments chosen on the 12345 form before the page was shown again (to send the SMS code, or to correct a field):
-- a browser cannot keep a chosen file across pages, so the server keeps it, named only by a random token the page
-- carries back; taken into the ticket at submission, and removed after a day if the form is abandoned.
CREATE TABLE hotline_held_attachment (
  token         text        PRIMARY KEY,
  file_id       text        NOT NULL,
  name          text        NOT NULL,
  content_type  text        NOT NULL,
  size          bigint      NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX hotline_held_attachment_created_idx ON hotline_held_attachment (created_at);
