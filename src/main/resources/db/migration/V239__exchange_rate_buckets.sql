-- Issue 21 (part schedule, ADR 0044): the exchange API's token bucket per department system lives here, so that every
-- node draws from one bucket. One row per client and rate ("XH-YB:3": a changed rate starts a new bucket), refilled and
-- taken from by one upsert (exchange.internal.RateLimits). Department systems number in the hundreds: rows are not
-- expired.
create table exchange_rate_bucket (
	id varchar(200) not null primary key,
	tokens double precision not null,
	taken_at timestamptz not null,
	allowed boolean not null
);
