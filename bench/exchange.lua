-- wrk script for bench/exchange.sh: GET /api/exchange/XH-GA-RK/records?subject=… cycling through the ID numbers listed
-- one per line in the file named by EXCHANGE_IDS, with the bearer token in EXCHANGE_TOKEN and the purpose and case headers;
-- EXCHANGE_PREFIX=/api/bench/exchange reads through the benchmark's unrecorded baseline instead.
local ids = {}
for line in io.lines(os.getenv("EXCHANGE_IDS")) do
  if #line > 0 then ids[#ids + 1] = line end
end
local headers = {
  ["Authorization"] = "Bearer " .. os.getenv("EXCHANGE_TOKEN"),
  ["Tongban-Purpose"] = "%E5%8E%8B%E6%B5%8B",
  ["Tongban-Issue"] = "BENCH-0001"
}
local prefix = os.getenv("EXCHANGE_PREFIX") or "/api/exchange"
local i = math.random(#ids)
request = function()
  i = i % #ids + 1
  return wrk.format("GET", prefix .. "/XH-GA-RK/records?subject=" .. ids[i], headers)
end
