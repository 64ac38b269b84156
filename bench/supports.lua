-- wrk script: each request is a signed-in resident supporting or withdrawing support for a
-- random idea, as the support button's background call sends it. Tokens come one per line from
-- the file named by BENCH_TOKENS; ideas are 1..BENCH_IDEAS.
local tokens = {}
for line in io.lines(os.getenv("BENCH_TOKENS")) do
  tokens[#tokens + 1] = line
end
local ideas = tonumber(os.getenv("BENCH_IDEAS") or "10000")
local headers = {
  ["Content-Type"] = "application/x-www-form-urlencoded",
  ["Accept"] = "application/json",
}

request = function()
  headers["Cookie"] = "session=" .. tokens[math.random(#tokens)]
  local support = (math.random(2) == 1) and "true" or "false"
  local body = "idea=" .. math.random(ideas) .. "&support=" .. support .. "&next=%2F"
  return wrk.format("POST", "/fn/ideas/support", headers, body)
end
