-- an uploaded seal image is recorded among the seal's uses (outcome IMAGE, the image's SHA-256)
ALTER TABLE seal_use DROP CONSTRAINT seal_use_outcome_check;
ALTER TABLE seal_use ADD CONSTRAINT seal_use_outcome_check CHECK (outcome IN ('SEALED', 'REFUSED', 'STATUS', 'IMAGE'));
