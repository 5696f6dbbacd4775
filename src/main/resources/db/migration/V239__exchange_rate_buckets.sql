-- Issue 21 (part schedule, ADR 0044): the exchange API's token bucket per department system lives here, so that every
-- node draws from one bucket. Bucket4j's PostgreSQL backend (select for update) keeps the bucket's state as bytes; the
-- key is the client id and its rate ("XH-YB:3"), so that a changed rate starts a new bucket. One row per client and
-- rate: department systems number in the hundreds, so rows are not expired.
create table exchange_rate_bucket (
	id varchar(200) not null primary key,
	state bytea
);
