-- wrk script: each request asks for the page in the URL as one of the signed-in residents whose
-- session tokens come one per line from the file named by BENCH_TOKENS, picked at random.
local tokens = {}
for line in io.lines(os.getenv("BENCH_TOKENS")) do
  tokens[#tokens + 1] = line
end
local headers = {}

request = function()
  headers["Cookie"] = "session=" .. tokens[math.random(#tokens)]
  return wrk.format("GET", nil, headers)
end
