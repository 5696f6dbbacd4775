-- wrk script for bench/tickets.sh: POST /open311/v2/requests.json with the api_key in TICKETS_KEY (a client that
-- confirms phones itself), cycling through services and districts, each ticket with its own phone and description.
local services = { "CS0101", "CS0102", "CS0201", "GY0101", "SC0101", "SC0201", "RS0101", "YL0101", "JY0101", "ZW0101" }
local regions = { "330102", "330105", "330106", "330108", "330109", "330110" }
local key = os.getenv("TICKETS_KEY")
local n = 0
local thread_id = 0
setup = function(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end
request = function()
  n = n + 1
  local phone = string.format("139%d%07d", tid or 0, n % 10000000)
  local body = "api_key=" .. key
    .. "&service_code=" .. services[n % #services + 1]
    .. "&attribute%5Bregion%5D=" .. regions[n % #regions + 1]
    .. "&lat=30.27" .. (n % 90) .. "&long=120.13" .. (n % 70)
    .. "&description=%E8%B7%AF%E7%81%AF%E4%B8%8D%E4%BA%AE%E5%B7%B2%E7%BB%8F%E4%B8%89%E5%A4%A9%EF%BC%8C%E7%BC%96%E5%8F%B7" .. n
    .. "&phone=" .. phone
  return wrk.format("POST", "/open311/v2/requests.json", { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end
