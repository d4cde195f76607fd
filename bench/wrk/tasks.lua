-- wrk script for the closed-loop API benchmark. Environment:
--   TASKFLOW_BENCH_TOKENS  a file with one bearer token per line (the bench users)
--   TASKFLOW_BENCH_MODE    create (POST /tasks) or list (GET /tasks?limit=20)
-- Prints one JSON line (prefixed "wrk-result ") with throughput, non-2xx responses and latency percentiles in µs.
local tokens = {}
local mode = os.getenv("TASKFLOW_BENCH_MODE") or "create"
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("TASKFLOW_BENCH_TOKENS")) do
    if #line > 0 then table.insert(tokens, line) end
  end
  counter = id
end

function request()
  counter = counter + 1
  local token = tokens[(counter % #tokens) + 1]
  local headers = { ["Authorization"] = "Bearer " .. token }
  if mode == "list" then
    return wrk.format("GET", "/tasks?limit=20", headers)
  end
  headers["Content-Type"] = "application/json"
  local body = '{"title":"Bench task ' .. id .. '-' .. counter .. '","priority":"MEDIUM"}'
  return wrk.format("POST", "/tasks", headers, body)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format(
    'wrk-result {"requests":%d,"seconds":%.3f,"rps":%.1f,"errors":%d,"p50":%d,"p95":%d,"p99":%d,"max":%d}\n',
    summary.requests, seconds, summary.requests / seconds, bad,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
