-- wrk script for bench/run: every request is a random line of the file named by WRK_PATHS ("path" or "path<TAB>etag";
-- with an ETag the request revalidates it with If-None-Match). Seeds are fixed per thread, so runs repeat.
-- done() prints one JSON line: requests, duration, errors, latency percentiles in microseconds.
local paths, tags = {}, {}
for line in io.lines(os.getenv("WRK_PATHS")) do
  local path, tag = line:match("^([^\t]+)\t?(.*)$")
  if path then
    paths[#paths + 1] = path
    tags[#tags + 1] = tag
  end
end

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(7919 * (id or 1))
end

function request()
  local i = math.random(#paths)
  if tags[i] ~= "" then
    return wrk.format("GET", paths[i], { ["If-None-Match"] = tags[i] })
  end
  return wrk.format("GET", paths[i])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"bytes":%d,"connect_errors":%d,"read_errors":%d,"write_errors":%d,"status_errors":%d,"timeouts":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
