"""The Lua scripts of the shared frontier (gov_reports.crawl.distributed.scheduler): each one atomic in Redis.

Redis keys, under ``<GOV_REPORTS_REDIS_KEY_PREFIX>:<spider name>:``
  queue     sorted set: score -priority, member = 16 hex digits of sequence + request JSON
            (higher priority first, first-in first-out within a priority)
  seq       the sequence counter
  seen      the dupefilter's fingerprints (`RedisDupeFilter`)
  leases    sorted set: lease id (the member's 16-digit sequence) -> deadline (ms)
  leased    hash: lease id -> "<queue score>\\n<worker>\\n<queue member>"
  expiries  hash: lease id -> how often its lease expired
  workers   hash: worker id -> deadline, renewed by the heartbeat while the process lives
  busy      hash: worker id -> deadline, while its engine has work (see the scheduler)
  pending   hash: worker id -> its pending files (`pending`), until their records are merged
"""

# Keys of one crawl, in the order the scripts take them.
CRAWL_KEYS = ("queue", "seq", "seen", "leases", "leased", "expiries", "workers", "busy", "pending")

LIB = """
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function purge(hash, now)
  local all = redis.call('HGETALL', hash)
  for i = 1, #all, 2 do
    if tonumber(all[i + 1]) < now then redis.call('HDEL', hash, all[i]) end
  end
end
local function parse(entry)
  return string.match(entry, '^([^\\n]*)\\n([^\\n]*)\\n(.*)$')
end
-- Leases past their deadline go back into the queue with their priority; after `max` expiries
-- the entry is dropped instead (returned, for the caller to count and log).
local function requeue_expired(queue, leases, leased, expiries, now, max)
  local ids = redis.call('ZRANGEBYSCORE', leases, '-inf', '(' .. string.format('%d', now), 'LIMIT', 0, 1000)
  local requeued, dropped = 0, {}
  for _, id in ipairs(ids) do
    local entry = redis.call('HGET', leased, id)
    redis.call('ZREM', leases, id)
    redis.call('HDEL', leased, id)
    if entry then
      local score, _, member = parse(entry)
      local n = redis.call('HINCRBY', expiries, id, 1)
      if max > 0 and n >= max then
        redis.call('HDEL', expiries, id)
        table.insert(dropped, member or entry)
      elseif member then
        redis.call('ZADD', queue, score, member)
        requeued = requeued + 1
      end
    end
  end
  return requeued, dropped
end
local function owned(leased, id, worker)
  local entry = redis.call('HGET', leased, id)
  if not entry then return nil end
  local score, owner, member = parse(entry)
  if owner ~= worker then return nil end
  return score, member
end
"""
# KEYS: queue, seq. ARGV: score, request JSON.
PUSH = """
local n = redis.call('INCR', KEYS[2])
redis.call('ZADD', KEYS[1], ARGV[1], string.format('%016x', n) .. ARGV[2])
return n
"""
# KEYS: queue, leases, leased, expiries, busy. ARGV: worker, lease ms, max expiries.
# Returns {member or '', requeued, dropped...}. Taking and leasing are one step, and so is marking
# the worker busy: no other worker can see "nothing queued, nothing leased" while it is on its way.
TAKE = (
    LIB
    + """
local now = now_ms()
local requeued, dropped = requeue_expired(KEYS[1], KEYS[2], KEYS[3], KEYS[4], now, tonumber(ARGV[3]))
local out = {'', requeued}
local item = redis.call('ZPOPMIN', KEYS[1])
if #item > 0 then
  local member, score = item[1], item[2]
  local id = string.sub(member, 1, 16)
  local deadline = string.format('%d', now + tonumber(ARGV[2]))
  redis.call('ZADD', KEYS[2], deadline, id)
  redis.call('HSET', KEYS[3], id, score .. '\\n' .. ARGV[1] .. '\\n' .. member)
  redis.call('HSET', KEYS[5], ARGV[1], deadline)
  out[1] = member
end
for _, m in ipairs(dropped) do table.insert(out, m) end
return out
"""
)
# KEYS: queue, leases, leased, expiries. ARGV: worker, then id, member pairs. Deletes the worker's
# leases; for one that expired meanwhile, withdraws its copy from the queue if nobody took it yet.
# Returns {acknowledged, withdrawn from the queue, lost (taken by another worker)}.
ACK = (
    LIB
    + """
local acked, withdrawn, lost = 0, 0, 0
for i = 2, #ARGV, 2 do
  local id, member = ARGV[i], ARGV[i + 1]
  if owned(KEYS[3], id, ARGV[1]) then
    redis.call('ZREM', KEYS[2], id)
    redis.call('HDEL', KEYS[3], id)
    redis.call('HDEL', KEYS[4], id)
    acked = acked + 1
  elseif redis.call('ZREM', KEYS[1], member) == 1 then
    redis.call('HDEL', KEYS[4], id)
    withdrawn = withdrawn + 1
  else
    lost = lost + 1
  end
end
return {acked, withdrawn, lost}
"""
)
# KEYS: queue, leases, leased. ARGV: worker, ids. The worker's leases go back into the queue now.
RELEASE = (
    LIB
    + """
local released = 0
for i = 2, #ARGV do
  local score, member = owned(KEYS[3], ARGV[i], ARGV[1])
  if member then
    redis.call('ZADD', KEYS[1], score, member)
    redis.call('ZREM', KEYS[2], ARGV[i])
    redis.call('HDEL', KEYS[3], ARGV[i])
    released = released + 1
  end
end
return released
"""
)
# KEYS: workers, busy, leases, leased. ARGV: worker, lease ms, busy flag (1/0), lease ids.
# The heartbeat: the worker is alive (and busy or not); its leases move their deadline on.
# Returns how many of the leases it still held.
TOUCH = (
    LIB
    + """
local deadline = string.format('%d', now_ms() + tonumber(ARGV[2]))
redis.call('HSET', KEYS[1], ARGV[1], deadline)
if ARGV[3] == '1' then redis.call('HSET', KEYS[2], ARGV[1], deadline) else redis.call('HDEL', KEYS[2], ARGV[1]) end
local renewed = 0
for i = 4, #ARGV do
  if owned(KEYS[4], ARGV[i], ARGV[1]) then
    redis.call('ZADD', KEYS[3], 'XX', deadline, ARGV[i])
    renewed = renewed + 1
  end
end
return renewed
"""
)
# KEYS: queue, leases, leased, expiries, busy, workers. ARGV: max expiries.
# Returns {queued, leased, busy workers, live workers, requeued, dropped...}, expired marks dropped.
STATE = (
    LIB
    + """
local now = now_ms()
local requeued, dropped = requeue_expired(KEYS[1], KEYS[2], KEYS[3], KEYS[4], now, tonumber(ARGV[1]))
purge(KEYS[5], now)
purge(KEYS[6], now)
local out = {redis.call('ZCARD', KEYS[1]), redis.call('ZCARD', KEYS[2]), redis.call('HLEN', KEYS[5]),
             redis.call('HLEN', KEYS[6]), requeued}
for _, m in ipairs(dropped) do table.insert(out, m) end
return out
"""
)
# KEYS: the CRAWL_KEYS. ARGV: worker, delete (1/0). The worker leaves; if it was the last one and
# nothing is queued, leased or pending, the crawl is finished and its keys are deleted.
LEAVE = (
    LIB
    + """
redis.call('HDEL', KEYS[7], ARGV[1])
redis.call('HDEL', KEYS[8], ARGV[1])
local now = now_ms()
purge(KEYS[7], now)
purge(KEYS[8], now)
if ARGV[2] == '1' and redis.call('ZCARD', KEYS[1]) == 0 and redis.call('ZCARD', KEYS[4]) == 0
   and redis.call('HLEN', KEYS[7]) == 0 and redis.call('HLEN', KEYS[8]) == 0 and redis.call('HLEN', KEYS[9]) == 0 then
  redis.call('DEL', unpack(KEYS))
  return 1
end
return 0
"""
)
# KEYS: pending. ARGV: worker, the value read, the new value ('' to delete). Compare-and-set, so
# two workers merging the same dead worker's files cannot put back an entry the other removed.
SET_PENDING = """
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
if ARGV[3] == '' then redis.call('HDEL', KEYS[1], ARGV[1]) else redis.call('HSET', KEYS[1], ARGV[1], ARGV[3]) end
return 1
"""
