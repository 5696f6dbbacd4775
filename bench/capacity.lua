-- wrk script for bench/capacity.sh (CapacityBench): one request type, given by the environment.
--   CAP_PATH        GET this path (with CAP_COOKIE as the Cookie header: a signed-in member of staff)
--   CAP_DRAFTS      or POST /api/cases/{id}/submission for the "id token" lines of this file, each once, with CAP_BEARER;
--                   the wrk threads take alternate lines (thread 1 the odd ones, thread 2 the even ones)
local path = os.getenv("CAP_PATH")
local cookie = os.getenv("CAP_COOKIE")
local drafts_file = os.getenv("CAP_DRAFTS")
local bearer = os.getenv("CAP_BEARER")
local drafts = {}
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end
function init(args)
  if drafts_file then
    local i = 0
    for line in io.lines(drafts_file) do
      i = i + 1
      if i % 2 == tid % 2 then drafts[#drafts + 1] = line end
    end
  end
end
local n = 0
function request()
  if drafts_file then
    n = n + 1
    local id, token = string.match(drafts[(n - 1) % #drafts + 1], "(%S+) (%S+)")
    return wrk.format("POST", "/api/cases/" .. id .. "/submission",
      { ["Authorization"] = "Bearer " .. bearer, ["Content-Type"] = "application/json" }, '{"token":"' .. token .. '"}')
  end
  return wrk.format("GET", path, cookie and { ["Cookie"] = cookie } or {})
end
