-- Each licence is also kept as OFD (GB/T 33190) sealed with the department's SM2 seal (GB/T 38540).
ALTER TABLE licence_licence ADD COLUMN ofd_file_id text;
ALTER TABLE licence_licence ADD COLUMN ofd_sha256 text;
