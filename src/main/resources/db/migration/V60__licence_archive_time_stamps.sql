-- PAdES B-LTA renewal (issue 16 point 22): when the certificate of the newest time-stamp in each licence PDF expires,
-- so that the nightly job reads only the files that are due. NULL: not yet read (licences issued before this column).
ALTER TABLE licence_licence ADD COLUMN pdf_stamp_expires timestamptz;
CREATE INDEX licence_licence_stamp_expires ON licence_licence (pdf_stamp_expires NULLS FIRST);
