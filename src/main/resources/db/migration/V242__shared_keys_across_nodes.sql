-- Issue 21 (keys, ADR 0045): the data keys stay outside the database; the database recognises them and keeps every
-- other key of the platform encrypted with them, so that all nodes share one source of truth.

-- Fingerprints of the cluster's data keys: HMAC-SHA256 of a fixed label under each key ('data-key:<version>') and under
-- the blind-index key ('blind-index'), never a key. A node whose keys do not match refuses to start.
create table shared_key_fingerprint (
	name text primary key,
	fingerprint text not null,
	recorded_at timestamptz not null default now(),
	-- a data key version no stored value uses any more (set by the re-encryption pass): nodes may drop it
	retired_at timestamptz
);

-- Secrets of the platform (seal keys, a callback key), each encrypted with the data keys ('version$…'); created once
-- by the first node that needs one (insert … on conflict do nothing), read by all.
create table shared_secret (
	name text primary key,
	value text not null,
	created_at timestamptz not null default now()
);
