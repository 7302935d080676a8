"""The shared frontier: a Scrapy scheduler whose request queue lives in Redis, with leases.

Every worker pushes the requests its spider yields into one Redis sorted set and takes the
next one from it, so N processes crawl one frontier and each request is fetched by one of
them (the shared `RedisDupeFilter` drops requests some worker already queued).

Leases. Taking a request does not remove it from the crawl: in the same Lua script it moves
from the queue to a *processing set* — a sorted set of lease ids scored by their deadline
(Redis clock, ms) — and its entry is kept beside it. The worker renews its leases with its
heartbeat (every third of GOV_REPORTS_REDIS_LEASE_SECONDS) for as long as the process is alive
and the request is in its engine, so a long download or a slow politeness turn keeps its
lease; it acknowledges a lease (deletes it) once the engine is done with the request: the
response went through the callback, the items it yielded through the pipelines into the
worker's pending file (flushed), the requests it yielded into the queue — or the request
failed for good, or was replaced by a retry or a redirect that is in the queue itself. A
worker that dies stops renewing; the first worker to look after the deadline (every take
and every idle poll looks) puts the request back into the queue with its priority, for
anyone to take. A request whose lease expired GOV_REPORTS_REDIS_MAX_LEASE_EXPIRIES times
(it kills whoever takes it: a memory bomb, a crash) is dropped and counted, so it cannot
take the whole crawl down worker by worker.

Why a sorted set rather than Redis Streams with consumer groups and XAUTOCLAIM: a stream is
first-in first-out, and Scrapy's frontier is ordered by request priority (the spider and the
retry middleware use it); XAUTOCLAIM hands a dead consumer's entries straight to the claiming
consumer instead of back into the priority order, an idle consumer must poll XAUTOCLAIM on a
timer anyway, and a stream's pending-entries list keeps no deadline of its own to renew (only
the idle time that XCLAIM resets). A processing set with deadlines does the same job in a few
lines of Lua, atomically with the queue, and keeps the order.

Requests are JSON (`codec`), never pickle: an entry that is not a request this project
wrote is dropped with a counted reason (``gov_reports/redis/dropped/<reason>``), never run.
Callbacks are stored by name and bound to the worker's own spider.

Redis keys, under ``<GOV_REPORTS_REDIS_KEY_PREFIX>:<spider name>:``
  queue     sorted set: score -priority, member = 16 hex digits of sequence + request JSON
            (higher priority first, first-in first-out within a priority)
  seq       the sequence counter
  seen      the dupefilter's fingerprints (`RedisDupeFilter`)
  leases    sorted set: lease id (the member's 16-digit sequence) -> deadline (ms)
  leased    hash: lease id -> "<queue score>\\n<worker>\\n<queue member>"
  expiries  hash: lease id -> how often its lease expired
  workers   hash: worker id -> deadline, renewed by the heartbeat while the process lives
  busy      hash: worker id -> deadline, while its engine has work (see below)
  pending   hash: worker id -> its pending files (`pending`), until their records are merged

When does a worker stop? A worker is *busy* from the moment it takes a request (atomically)
until its engine is idle again. An idle worker stays open (DontCloseSpider) while the queue
holds requests, any lease is held (live or expired: expired ones are put back by that very
look) or another worker is busy — that worker may still add work. When all are empty the
crawl is done and the worker closes; it stays registered while it merges its records into
the dump, then merges the pending files of workers that died (`pending.adopt`), then leaves.
The last one out — no worker registered, nothing queued, leased or pending — deletes the
crawl's keys (and the hosts' politeness keys), so the next crawl starts afresh; a crawl that
was interrupted, or whose records could not all be merged, keeps them and resumes.
"""

from __future__ import annotations

import json
import logging
import time
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from scrapy import signals
from scrapy.core.scheduler import BaseScheduler
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.asyncio import call_later, create_looping_call
from scrapy.utils.misc import build_from_crawler, load_object

from gov_reports.crawl.distributed import codec, key_prefix, lease_seconds, redis_client, worker_id
from gov_reports.crawl.distributed.pending import (
    Adoption,
    HeldLocks,
    PendingFile,
    adopt,
    is_pending_file_of,
    merged_dumps,
    open_pending_files,
    pending_files_from_json,
    pending_files_to_json,
)

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.dupefilters import BaseDupeFilter
    from scrapy.utils.asyncio import CallLaterResult

logger = logging.getLogger(__name__)
SEQ_DIGITS = 16
STATS = "gov_reports/redis/"
DEFAULT_MAX_LEASE_EXPIRIES = 3
# Entries looked at per `next_request` call before giving the engine back its turn.
MAX_DROPS_PER_CALL = 100
# How often the engine's finished requests are looked for (locally; Redis only when some finished). The
# engine asks for a next request only when its downloader has room, so that alone would be too late.
ACK_SWEEP_SECONDS = 0.5
EXPIRED_TOO_OFTEN = "lease_expired_too_often"
# Keys of one crawl, in the order the scripts take them.
CRAWL_KEYS = ("queue", "seq", "seen", "leases", "leased", "expiries", "workers", "busy", "pending")

_LIB = """
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
_PUSH = """
local n = redis.call('INCR', KEYS[2])
redis.call('ZADD', KEYS[1], ARGV[1], string.format('%016x', n) .. ARGV[2])
return n
"""
# KEYS: queue, leases, leased, expiries, busy. ARGV: worker, lease ms, max expiries.
# Returns {member or '', requeued, dropped...}. Taking and leasing are one step, and so is marking
# the worker busy: no other worker can see "nothing queued, nothing leased" while it is on its way.
_TAKE = (
    _LIB
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
_ACK = (
    _LIB
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
_RELEASE = (
    _LIB
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
_TOUCH = (
    _LIB
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
_STATE = (
    _LIB
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
_LEAVE = (
    _LIB
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
_SET_PENDING = """
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
if ARGV[3] == '' then redis.call('HDEL', KEYS[1], ARGV[1]) else redis.call('HSET', KEYS[1], ARGV[1], ARGV[3]) end
return 1
"""


class FrontierState(NamedTuple):
    """The whole crawl, as one worker sees it at one moment."""

    queued: int
    leased: int
    busy: int
    live: int


@dataclass
class Lease:
    request: Request
    member: bytes


class RedisScheduler(BaseScheduler):
    """SCHEDULER for distributed crawls (see the module doc).

    Settings: GOV_REPORTS_REDIS_URL, GOV_REPORTS_REDIS_KEY_PREFIX,
    GOV_REPORTS_REDIS_LEASE_SECONDS (how long a lease, or a worker's mark, outlives the last
    renewal; default 60; GOV_REPORTS_REDIS_WORKER_TTL is its older name),
    GOV_REPORTS_REDIS_MAX_LEASE_EXPIRIES (drop a request whose lease expired this often;
    default 3, 0: never), GOV_REPORTS_REDIS_IDLE_POLL (seconds between looks at the frontier
    while idle, default 0.2), GOV_REPORTS_REDIS_MIN_WORKERS (wait until this many workers have
    joined before fetching, default 1; for benchmarks and tests), GOV_REPORTS_REDIS_START_TIMEOUT
    (how long to wait for them, default 60 s), GOV_REPORTS_REDIS_PERSIST (keep the keys of a
    finished crawl, default False).
    """

    def __init__(self, crawler: Crawler, dupefilter: BaseDupeFilter) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.df = dupefilter
        self.server = getattr(dupefilter, "server", None) or redis_client(settings)
        self.prefix = key_prefix(settings)
        base = f"{self.prefix}:{crawler.spidercls.name}"
        self.key = base
        self.keys = {name: f"{base}:{name}" for name in CRAWL_KEYS}
        self.worker = worker_id()
        self.lease_ms = int(lease_seconds(settings) * 1000)
        self.max_expiries = settings.getint("GOV_REPORTS_REDIS_MAX_LEASE_EXPIRIES", DEFAULT_MAX_LEASE_EXPIRIES)
        self.idle_poll = settings.getfloat("GOV_REPORTS_REDIS_IDLE_POLL", 0.2)
        self.min_workers = settings.getint("GOV_REPORTS_REDIS_MIN_WORKERS", 1)
        self.start_timeout = settings.getfloat("GOV_REPORTS_REDIS_START_TIMEOUT", 60.0)
        self.persist = settings.getbool("GOV_REPORTS_REDIS_PERSIST")
        self.busy = False
        self.started = False
        self.opened_at = 0.0
        self.close_reason: str | None = None
        self.left = False
        # Lease id -> the request it stands for, while this worker's engine has it.
        self.leases: dict[bytes, Lease] = {}
        # Requests that cannot be written as JSON (a callback that is not a spider method) stay local.
        self.local: deque[Request] = deque()
        self.registered_pending: list[PendingFile] = []
        self.locks = HeldLocks()
        self._push = self.server.register_script(_PUSH)
        self._take = self.server.register_script(_TAKE)
        self._ack = self.server.register_script(_ACK)
        self._release = self.server.register_script(_RELEASE)
        self._touch = self.server.register_script(_TOUCH)
        self._state = self.server.register_script(_STATE)
        self._leave = self.server.register_script(_LEAVE)
        self._set_pending = self.server.register_script(_SET_PENDING)
        self._wake_call: CallLaterResult | None = None
        self._heartbeat: Any = None
        self._ack_sweep: Any = None
        crawler.signals.connect(self.spider_idle, signal=signals.spider_idle)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        dupefilter = build_from_crawler(load_object(crawler.settings["DUPEFILTER_CLASS"]), crawler)
        return cls(crawler, dupefilter)

    # -- lifecycle ---------------------------------------------------------------------

    def open(self, spider: Spider) -> None:
        self.spider = spider
        self.opened_at = time.monotonic()
        # Busy until the engine first goes idle: its start requests are still on their way into the queue.
        self.busy = True
        self._renew()
        self._heartbeat = create_looping_call(self._renew)
        self._heartbeat.start(max(self.lease_ms / 3000, 0.05), now=False)
        self._ack_sweep = create_looping_call(self._acknowledge_finished)
        self._ack_sweep.start(min(ACK_SWEEP_SECONDS, self.lease_ms / 3000), now=False)
        state = self.frontier_state()
        logger.info(
            "Distributed crawl %s: worker %s joined (%d request(s) queued, %d leased, %d worker(s) live)",
            self.key,
            self.worker,
            state.queued,
            state.leased,
            state.live,
        )
        self.df.open()

    def close(self, reason: str) -> None:
        """The engine is done: settle the leases; leave once the records are merged (`leave`).

        The feed exporter merges this worker's records into the dump after the scheduler has
        closed (on spider_closed), so leaving waits for engine_stopped, which comes after; the
        heartbeat goes on until then and keeps this worker registered while it merges.
        """
        self._cancel_wake()
        if self._ack_sweep is not None and self._ack_sweep.running:
            self._ack_sweep.stop()
        in_progress = self._in_progress() or set()
        unfinished = [lease_id for lease_id, lease in self.leases.items() if lease.request in in_progress]
        if unfinished:
            released = int(self._release(keys=self._keys("queue", "leases", "leased"), args=[self.worker, *unfinished]))
            self._inc("leases_released", released)
            for lease_id in unfinished:
                del self.leases[lease_id]
        self._acknowledge(list(self.leases))
        self.busy = False
        self.close_reason = reason
        self._renew()
        self.df.close(reason)
        # A strong reference: nothing else keeps this scheduler once the engine has let it go.
        self.crawler.signals.connect(self.leave, signal=signals.engine_stopped, weak=False)

    def leave(self) -> bool:
        """After this worker's merge: register what is left, merge dead workers' records, leave.

        True when this worker was the last one out of a finished crawl and deleted its keys.
        """
        if self.left:
            return False
        self.left = True
        if self._heartbeat is not None and self._heartbeat.running:
            self._heartbeat.stop()
        self._settle_own_pending()
        self._adopt_pending_of_dead_workers()
        delete = not self.persist and self.close_reason == "finished"
        deleted = bool(self._leave(keys=self._keys(*CRAWL_KEYS), args=[self.worker, int(delete)]))
        if deleted:
            self._delete_host_keys()
            logger.info("Distributed crawl %s finished: last worker out, keys deleted", self.key)
        elif delete:
            self._explain_kept_keys()
        return deleted

    # -- the frontier ------------------------------------------------------------------

    def has_pending_requests(self) -> bool:
        return bool(self.local) or self.server.zcard(self.keys["queue"]) > 0

    def enqueue_request(self, request: Request) -> bool:
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            return False
        try:
            data = codec.encode_request(request, self.spider)
        except codec.UnsharableRequest as error:
            logger.warning("Request kept in this worker only (cannot be shared: %s): %s", error, request)
            self.local.append(request)
            self._inc("enqueued/local", prefix="scheduler/")
        else:
            self._push(keys=self._keys("queue", "seq"), args=[-request.priority, data])
            self._inc("enqueued/redis", prefix="scheduler/")
        self._inc("enqueued", prefix="scheduler/")
        return True

    def next_request(self) -> Request | None:
        self._acknowledge_finished()
        if not self._may_start():
            self._schedule_wake()
            return None
        if self.local:
            self.busy = True
            self._inc("dequeued/local", prefix="scheduler/")
            self._inc("dequeued", prefix="scheduler/")
            return self.local.popleft()
        for _ in range(MAX_DROPS_PER_CALL):
            keys = self._keys("queue", "leases", "leased", "expiries", "busy")
            member, requeued, *dropped = self._take(keys=keys, args=[self.worker, self.lease_ms, self.max_expiries])
            self._count_requeued(int(requeued), dropped)
            if not member:
                return None
            self.busy = True
            lease_id = member[:SEQ_DIGITS]
            try:
                request = codec.decode_request(member[SEQ_DIGITS:], self.spider)
            except codec.BadQueueEntry as error:
                # Never run: counted, and its lease deleted so that it does not come back.
                logger.warning("Dropped a queue entry that is not a request (%s)", error)
                self._inc(f"dropped/{error.reason}")
                self._acknowledge_entries({lease_id: member})
                continue
            self.leases[lease_id] = Lease(request, member)
            self._inc("leases_taken")
            self._inc("dequeued/redis", prefix="scheduler/")
            self._inc("dequeued", prefix="scheduler/")
            return request
        return None

    def __len__(self) -> int:
        return len(self.local) + self.server.zcard(self.keys["queue"])

    def frontier_state(self) -> FrontierState:
        """Requests queued and leased, workers busy and live, across the whole crawl.

        Looking is also when expired leases go back into the queue.
        """
        keys = self._keys("queue", "leases", "leased", "expiries", "busy", "workers")
        queued, leased, busy, live, requeued, *dropped = self._state(keys=keys, args=[self.max_expiries])
        self._count_requeued(int(requeued), dropped)
        return FrontierState(int(queued), int(leased), int(busy), int(live))

    # -- leases ------------------------------------------------------------------------

    def _in_progress(self) -> set[Request] | None:
        """The requests the engine is working on: taken from here, not yet done with (or None).

        Scrapy has no public view of this; the engine's slot adds a request when it starts its
        download and removes it after the response (or failure) went through the callback, the
        item pipelines and the item_scraped handlers (the feed's flushed write), i.e. exactly
        when its lease may be acknowledged. Without it, leases are acknowledged when the engine
        is idle (`spider_idle`) and at close, which is safe but later.
        """
        slot = getattr(self._engine(), "_slot", None)
        in_progress = getattr(slot, "inprogress", None)
        return in_progress if isinstance(in_progress, set) else None

    def _acknowledge_finished(self, *, engine_idle: bool = False) -> None:
        if not self.leases:
            return
        in_progress = self._in_progress()
        if in_progress is None:
            finished = list(self.leases) if engine_idle else []
        else:
            finished = [lease_id for lease_id, lease in self.leases.items() if lease.request not in in_progress]
        self._acknowledge(finished)

    def _acknowledge(self, lease_ids: list[bytes]) -> None:
        if not lease_ids:
            return
        entries = {lease_id: self.leases.pop(lease_id).member for lease_id in lease_ids}
        # Their records are in this worker's pending file now: list it before the leases go.
        self._register_pending()
        self._acknowledge_entries(entries)

    def _acknowledge_entries(self, entries: dict[bytes, bytes]) -> None:
        args: list[Any] = [self.worker]
        for lease_id, member in entries.items():
            args += [lease_id, member]
        acked, withdrawn, lost = self._ack(keys=self._keys("queue", "leases", "leased", "expiries"), args=args)
        self._inc("leases_acknowledged", int(acked) + int(withdrawn))
        if int(lost):
            # Its lease expired (this worker was stalled longer than the lease) and another worker
            # took it: done twice, which the merge by key absorbs.
            self._inc("leases_lost", int(lost))
            logger.warning("%d lease(s) expired while this worker was busy with them", int(lost))

    def _count_requeued(self, requeued: int, dropped: list[bytes]) -> None:
        if requeued:
            self._inc("leases_requeued", requeued)
            logger.warning("Put %d request(s) of a dead or stalled worker back into the queue", requeued)
        for member in dropped:
            self._inc(f"dropped/{EXPIRED_TOO_OFTEN}")
            logger.error(
                "Dropped %s: its lease expired %d times (the workers that took it died)",
                _entry_url(member),
                self.max_expiries,
            )

    # -- pending records ---------------------------------------------------------------

    def _register_pending(self) -> None:
        files = open_pending_files(self.crawler)
        new = [f for f in files if f not in self.registered_pending]
        if not new:
            return
        for pending_file in new:
            self.locks.hold(pending_file.pending)
        self.registered_pending += new
        self.server.hset(self.keys["pending"], self.worker, pending_files_to_json(self.registered_pending))

    def _settle_own_pending(self) -> None:
        """Unlist the pending files this worker merged (gone); one still there was not merged: it stays listed."""
        self.locks.release_all()
        unmerged = [f for f in self.registered_pending if f.pending.exists()]
        for pending_file in unmerged:
            logger.error(
                "The records of this worker were not merged into %s; they are in %s, listed in Redis for the "
                "next worker to merge",
                pending_file.dump,
                pending_file.pending,
            )
        if unmerged:
            self.server.hset(self.keys["pending"], self.worker, pending_files_to_json(unmerged))
        else:
            self.server.hdel(self.keys["pending"], self.worker)

    def _adopt_pending_of_dead_workers(self) -> None:
        self.frontier_state()  # drops the marks of dead workers
        live = {w.decode() for w in self.server.hkeys(self.keys["workers"])}
        dumps = merged_dumps(self.crawler.settings)
        for worker, raw in self.server.hgetall(self.keys["pending"]).items():
            name = worker.decode()
            if name == self.worker or name in live:
                continue
            try:
                files = pending_files_from_json(raw)
            except ValueError as error:
                logger.warning("Dropped the pending-file entry of %s: %s", name, error)
                self._inc("dropped/bad_pending_entry")
                self._set_pending(keys=[self.keys["pending"]], args=[name, raw, ""])
                continue
            remaining = []
            for pending_file in files:
                if pending_file.dump not in dumps or not is_pending_file_of(pending_file.pending, pending_file.dump):
                    # Another output than this worker's, or not a pending file: left alone (and listed).
                    self._inc("pending_refused")
                    logger.warning(
                        "Not merging %s into %s: not a pending file of this worker's dump",
                        pending_file.pending,
                        pending_file.dump,
                    )
                    remaining.append(pending_file)
                    continue
                outcome, records = adopt(pending_file)
                if outcome is Adoption.MERGED:
                    self._inc("pending_adopted")
                    self._inc("pending_adopted_records", records)
                    logger.warning(
                        "Merged %d record(s) of dead worker %s from %s into %s",
                        records,
                        name,
                        pending_file.pending,
                        pending_file.dump,
                    )
                elif outcome in (Adoption.LOCKED, Adoption.FAILED):
                    self._inc(f"pending_{outcome.value}")  # records not merged by this worker: keys stay
                    remaining.append(pending_file)
            new_value = pending_files_to_json(remaining) if remaining else ""
            self._set_pending(keys=[self.keys["pending"]], args=[name, raw, new_value])

    def _explain_kept_keys(self) -> None:
        state = self.frontier_state()
        pending = self.server.hlen(self.keys["pending"])
        if state.live or not (state.queued or state.leased or pending):
            return  # others are still at work; they will decide
        logger.warning(
            "Distributed crawl %s: keys kept (%d request(s) queued, %d leased, %d worker(s) with unmerged "
            "records); start a worker again to finish it",
            self.key,
            state.queued,
            state.leased,
            pending,
        )

    def _delete_host_keys(self) -> None:
        """The shared politeness keys (they expire by themselves too; a finished crawl leaves nothing)."""
        keys = list(self.server.scan_iter(match=f"{self.prefix}:host:*", count=500))
        if keys:
            self.server.delete(*keys)

    # -- idle handling -----------------------------------------------------------------

    def spider_idle(self, spider: Spider) -> None:
        """This worker has nothing in flight; stay open while any other worker may still add work."""
        self.busy = False
        self._acknowledge_finished(engine_idle=True)
        self._renew()
        state = self.frontier_state()
        if state.queued or state.leased or state.busy:
            self._schedule_wake()
            raise DontCloseSpider

    def _may_start(self) -> bool:
        """False until GOV_REPORTS_REDIS_MIN_WORKERS workers have joined (or the wait timed out)."""
        if self.started:
            return True
        live = self.frontier_state().live
        waited = time.monotonic() - self.opened_at
        if live >= self.min_workers or waited >= self.start_timeout:
            if live < self.min_workers:
                logger.warning("Starting with %d of %d worker(s) after %.0f s", live, self.min_workers, waited)
            self.started = True
        return self.started

    def _renew(self) -> None:
        """The heartbeat: this worker is alive; its leases are renewed, finished ones acknowledged."""
        self._acknowledge_finished()
        keys = self._keys("workers", "busy", "leases", "leased")
        self._touch(keys=keys, args=[self.worker, self.lease_ms, int(self.busy), *self.leases])

    def _schedule_wake(self) -> None:
        if self._wake_call is None:
            self._wake_call = call_later(self.idle_poll, self._wake)

    def _cancel_wake(self) -> None:
        if self._wake_call is not None:
            self._wake_call.cancel()
            self._wake_call = None

    def _wake(self) -> None:
        """Ask the engine for another round now instead of at its 5-second heartbeat.

        Scrapy has no public "look at the scheduler again" call; the engine's own next-call
        is what a finished download triggers, so it is safe to trigger it from here too.
        """
        self._wake_call = None
        slot = getattr(self._engine(), "_slot", None)
        if slot is not None and slot.closing is None:
            slot.nextcall.schedule()

    def _engine(self) -> Any:
        """The crawler's engine, or None before the crawl starts (Crawler's own late-attribute rule)."""
        return getattr(self.crawler, "_engine", None)

    def _keys(self, *names: str) -> list[str]:
        return [self.keys[name] for name in names]

    def _inc(self, name: str, count: int = 1, *, prefix: str = STATS) -> None:
        if self.crawler.stats is not None and count:
            self.crawler.stats.inc_value(prefix + name, count)


def _entry_url(member: bytes) -> str:
    """The URL of a queue entry, for a log line (or the entry's start when it has none)."""
    try:
        url = json.loads(member[SEQ_DIGITS:].decode("utf-8")).get("url")
    except (ValueError, AttributeError):
        url = None
    return url if isinstance(url, str) else repr(member[:80])
