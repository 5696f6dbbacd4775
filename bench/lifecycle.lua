-- wrk script for bench/lifecycle.sh (LifecycleBench): every connection runs whole 12345 ticket lifecycles, one request
-- after another, as the real clients do them:
--   create   POST /open311/v2/requests.json (an Open311 client that confirms phones itself; api_key in LC_KEY)
--   dispatch the operator finds the ticket by its number (GET /workbench/hotline/tickets/{number} -> 302 to its id),
--            POST .../{id}/dispatch with the lead department, then the ticket page the redirect leads to
--   answer   the lead department's member of staff POSTs .../{id}/reply, then the ticket page
--   close    the operator POSTs .../{id}/close, then the ticket page
--   search   the Open311 client looks the ticket up, GET /open311/v2/requests/{number}.json, and finds it closed
-- Staff steps use signed-in sessions (cookie + CSRF token), one operator and one department member per wrk thread, given
-- in LC_SESSIONS as "opCookie opCsrf deptCookie deptCsrf" per thread, separated by ",".
-- With LC_MODE=api the staff steps are the systems of the 12345 centre and of the department instead, each acting for its
-- member of staff with an access token (scope hotline, LC_TOKENS "opToken deptToken" per thread, separated by ","):
--   dispatch POST /api/hotline/tickets/{number}/dispatch {"lead": ...}
--   answer   POST /api/hotline/tickets/{number}/reply {"text": ...}
--   close    POST /api/hotline/tickets/{number}/close {} Run with as many threads as
-- connections (-t N -c N): the state of a lifecycle is kept per thread. Writes every step's time (ms) to LC_OUT.<thread>, the
-- lifecycles and errors of every thread to LC_OUT.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } timespec;
int clock_gettime(int clk_id, timespec *tp);
]]
local ts = ffi.new("timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts)
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local threads = {}
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
  table.insert(threads, thread)
end

local services = { "CS0101", "CS0102", "CS0201", "GY0101", "SC0101", "SC0201", "RS0101", "YL0101", "JY0101", "ZW0101" }
local regions = { "330102", "330105", "330106", "330108", "330109", "330110" }
local key, lead
local op_cookie, op_csrf, dept_cookie, dept_csrf
local api, op_token, dept_token
local state, number, id, n = 1, nil, nil, 0
local step_start
local out
lifecycles, errors, last_error = 0, 0, ""

function init(args)
  -- each thread writes its own file (wrk cannot hand tables of times back to the main thread)
  out = io.open(os.getenv("LC_OUT") .. "." .. tid, "w")
  out:setvbuf("line")
  key = os.getenv("LC_KEY")
  lead = os.getenv("LC_LEAD")
  api = os.getenv("LC_MODE") == "api"
  local i = 0
  for tokens in string.gmatch(os.getenv("LC_TOKENS") or "", "[^,]+") do
    i = i + 1
    if i == tid then
      op_token, dept_token = string.match(tokens, "(%S+)%s+(%S+)")
    end
  end
  i = 0
  for session in string.gmatch(os.getenv("LC_SESSIONS") or "", "[^,]+") do
    i = i + 1
    if i == tid then
      local f = {}
      for part in string.gmatch(session, "%S+") do table.insert(f, part) end
      op_cookie, op_csrf, dept_cookie, dept_csrf = f[1], f[2], f[3], f[4]
    end
  end
end

local form = { ["Content-Type"] = "application/x-www-form-urlencoded" }
local function staff(cookie)
  return { ["Cookie"] = cookie }
end
local function post(cookie, path, body)
  return wrk.format("POST", path, { ["Cookie"] = cookie, ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end
local function page()
  return "/workbench/hotline/tickets/" .. id
end

local function create()
  n = n + 1
  local phone = string.format("137%02d%06d", tid, n % 1000000)
  local body = "api_key=" .. key
    .. "&service_code=" .. services[n % #services + 1]
    .. "&attribute%5Bregion%5D=" .. regions[n % #regions + 1]
    .. "&lat=30.27" .. (n % 90) .. "&long=120.13" .. (n % 70)
    .. "&description=%E5%B0%8F%E5%8C%BA%E9%97%A8%E5%8F%A3%E8%B7%AF%E7%81%AF%E4%B8%8D%E4%BA%AE%E5%B7%B2%E7%BB%8F%E4%B8%89%E5%A4%A9" .. n
    .. "&phone=" .. phone
  return wrk.format("POST", "/open311/v2/requests.json", form, body)
end

local function bearer(token, path, body)
  return wrk.format("POST", path, { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end

-- the API lifecycle: 1 create, 2 dispatch, 3 answer, 4 close, 5 search
local api_steps = { "create", "dispatch", "answer", "close", "search" }

local function api_request()
  step_start = now_ms()
  if state == 1 then
    return create()
  elseif state == 2 then
    return bearer(op_token, "/api/hotline/tickets/" .. number .. "/dispatch", '{"lead":"' .. lead .. '"}')
  elseif state == 3 then
    return bearer(dept_token, "/api/hotline/tickets/" .. number .. "/reply", '{"text":"已安排维修人员处理完毕，路灯已恢复照明。"}')
  elseif state == 4 then
    return bearer(op_token, "/api/hotline/tickets/" .. number .. "/close", "{}")
  else
    return wrk.format("GET", "/open311/v2/requests/" .. number .. ".json")
  end
end

function request()
  if api then
    return api_request()
  end
  if state == 1 or state == 2 or state == 5 or state == 7 or state == 9 then
    step_start = now_ms()
  end
  if state == 1 then
    return create()
  elseif state == 2 then
    return wrk.format("GET", "/workbench/hotline/tickets/" .. number, staff(op_cookie))
  elseif state == 3 then
    return post(op_cookie, page() .. "/dispatch", "_csrf=" .. op_csrf .. "&lead=" .. lead)
  elseif state == 4 then
    return wrk.format("GET", page(), staff(op_cookie))
  elseif state == 5 then
    return post(dept_cookie, page() .. "/reply", "_csrf=" .. dept_csrf
      .. "&text=%E5%B7%B2%E5%AE%89%E6%8E%92%E7%BB%B4%E4%BF%AE%E4%BA%BA%E5%91%98%E5%A4%84%E7%90%86%E5%AE%8C%E6%AF%95")
  elseif state == 6 then
    return wrk.format("GET", page(), staff(dept_cookie))
  elseif state == 7 then
    return post(op_cookie, page() .. "/close", "_csrf=" .. op_csrf)
  elseif state == 8 then
    return wrk.format("GET", page(), staff(op_cookie))
  else
    return wrk.format("GET", "/open311/v2/requests/" .. number .. ".json")
  end
end

local function fail(status, body)
  errors = errors + 1
  last_error = "state " .. state .. " status " .. status .. " " .. string.sub(body or "", 1, 200)
  state = 1
end

local function record(step)
  out:write(step, " ", string.format("%.3f", now_ms() - step_start), "\n")
end

local function api_response(status, body)
  if state == 1 then
    number = status == 201 and string.match(body, '"service_request_id":"(GD%d+)"')
    if not number then return fail(status, body) end
  elseif state == 5 then
    if status ~= 200 or not string.find(body, '"status":"closed"', 1, true) then return fail(status, body) end
  elseif status ~= 200 then
    return fail(status, body)
  end
  record(api_steps[state])
  if state == 5 then
    lifecycles = lifecycles + 1
    state = 1
  else
    state = state + 1
  end
end

function response(status, headers, body)
  if api then
    return api_response(status, body)
  end
  if state == 1 then
    number = status == 201 and string.match(body, '"service_request_id":"(GD%d+)"')
    if not number then return fail(status, body) end
    record("create")
    state = 2
  elseif state == 2 then
    id = status == 302 and headers["Location"] and string.match(headers["Location"], "/tickets/([%x-]+)$")
    if not id then return fail(status, body) end
    state = 3
  elseif state == 3 or state == 5 or state == 7 then
    if status ~= 302 then return fail(status, body) end
    state = state + 1
  elseif state == 4 or state == 6 or state == 8 then
    if status ~= 200 then return fail(status, body) end
    record(state == 4 and "dispatch" or state == 6 and "answer" or "close")
    state = state + 1
  else
    if status ~= 200 or not string.find(body, '"status":"closed"', 1, true) then return fail(status, body) end
    record("search")
    lifecycles = lifecycles + 1
    state = 1
  end
end

function done(summary, latency, requests)
  local out = io.open(os.getenv("LC_OUT"), "w")
  for _, thread in ipairs(threads) do
    out:write("lifecycles ", thread:get("lifecycles"), "\n")
    out:write("errors ", thread:get("errors"), "\n")
    local e = thread:get("last_error")
    if e ~= "" then out:write("last_error ", (string.gsub(e, "\n", " ")), "\n") end
  end
  out:close()
end
