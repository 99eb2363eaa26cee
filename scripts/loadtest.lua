-- wrk script: POSTs the competency questions (queries/*.rq) in turn to /sparql.
local queries = {}
for _, f in ipairs({ QUERY_FILES }) do
  local h = io.open(f, "r"); queries[#queries + 1] = h:read("*a"); h:close()
end
local i = 0
request = function()
  i = i % #queries + 1
  return wrk.format("POST", "/sparql", {["Content-Type"] = "application/sparql-query",
    ["Accept"] = "application/sparql-results+json"}, queries[i])
end
local errors = 0
response = function(status, headers, body)
  if status ~= 200 then errors = errors + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, non-2xx %d, socket errors %d, throughput %.1f req/s, p50 %.1f ms, p99 %.1f ms\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
