-- wrk script: a client that asks only for addresses nobody else asks for, to push the popular
-- pages out of the page cache: junk parameters on the front page, free-text searches that
-- each need a render, idea pages with tracking parameters. With -c21 and a 20 ms pause per
-- connection (each answer takes another 20 ms or so under load) it asks about 500 a second.
local n = 0
request = function()
  n = n + 1
  local salt = math.random(1000000000)
  local path
  if n % 3 == 0 then
    path = "/?r=" .. n .. "-" .. salt
  elseif n % 3 == 1 then
    path = "/ideas?q=ord" .. n .. "x" .. salt
  else
    path = "/ideas/" .. math.random(10000) .. "?utm_source=" .. salt
  end
  return wrk.format("GET", path)
end

delay = function()
  return 20
end
