-- wrk script for bench/licences.sh: GET /verify/{identifier}, cycling through the identifiers listed one per line in the
-- file named by the environment variable VERIFY_IDS.
local ids = {}
for line in io.lines(os.getenv("VERIFY_IDS")) do
  if #line > 0 then ids[#ids + 1] = line end
end
local i = math.random(#ids)
request = function()
  i = i % #ids + 1
  return wrk.format("GET", "/verify/" .. ids[i])
end
