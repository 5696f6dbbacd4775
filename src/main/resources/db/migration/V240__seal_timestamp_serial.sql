-- Issue 21 (part schedule): the serial numbers of the platform's time-stamp tokens (RFC 3161 §2.4.2: unique for each
-- token of a TSA) came from each node's memory, counting up from the millisecond the node started, so two nodes could
-- give two tokens the same serial. One sequence serves every node; it starts above every serial given so far (those
-- were milliseconds since 1970 plus a count, under 10^13 until the year 2286).
create sequence seal_timestamp_serial start with 10000000000000;
