-- Issue 21 (keys, ADR 0045): the OIDC provider's signing keys, by key id: their status here, the keys themselves (JWK
-- with the private part) in shared_secret as 'oidc/<kid>', encrypted with the data keys, so that every node signs and
-- verifies with the same keys and a rotation reaches all of them at once.
-- A key is PUBLISHED (in the JWKS, verifying), then SIGNING (the one that signs; one at a time), then RETIRED.
create table identity_signing_key (
	kid text primary key,
	status text not null check (status in ('PUBLISHED', 'SIGNING', 'RETIRED')),
	created_at timestamptz not null,
	signing_since timestamptz,
	-- when another key took over signing: the tokens this one signed expire within the longest token lifetime after
	superseded_at timestamptz,
	retired_at timestamptz
);
create unique index identity_signing_key_one_signing on identity_signing_key ((true)) where status = 'SIGNING';
