-- Counts 2xx responses per thread and prints one machine-readable line at the end of a wrk run
-- (bench/load.ts reads it). wrk counts a response slower than --timeout as a timeout and keeps no
-- latency for it; non-2xx ("status") and timeouts may overlap.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  ok2xx = 0
end

function response(status, headers, body)
  if status >= 200 and status < 300 then ok2xx = ok2xx + 1 end
end

function done(summary, latency, requests)
  local ok = 0
  for _, t in ipairs(threads) do ok = ok + t:get("ok2xx") end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"ok2xx":%d,"durationUs":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50Us":%d,"p95Us":%d,"p99Us":%d,"maxUs":%d,"meanUs":%.1f}\n',
    summary.requests, ok, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max, latency.mean))
end
