-- wrk script for bench/ratings.sh: prints the latency percentiles (p50, p95, p99, in microseconds) and the status of the
-- responses, which wrk's --latency table does not give for p95. The request is wrk's own (the URL on the command line).
local non2xx = 0
response = function(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
done = function(summary, latency, requests)
  -- requests counts every response, also those with a status of 400 or more (errors.status): RatingBench takes those
  -- out of the throughput and reports them with the socket errors
  io.write(string.format("RATINGS p50=%d p95=%d p99=%d requests=%d seconds=%.2f errors=%d failed=%d\n", latency:percentile(50),
    latency:percentile(95), latency:percentile(99), summary.requests, summary.duration / 1e6,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status,
    summary.errors.status))
end
