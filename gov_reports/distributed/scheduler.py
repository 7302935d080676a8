"""The shared frontier: a Scrapy scheduler whose request queue lives in Redis.

Every worker pushes the requests its spider yields into one Redis sorted set and pops the
next one from it, so N processes crawl one frontier and each request is fetched by exactly
one of them (the shared `RedisDupeFilter` drops requests some worker already queued).

Why not scrapy-redis: 0.9.1 passes ``spider=`` to the stats collector (deprecated in
Scrapy 2.19), fingerprints requests its own way instead of with the crawler's request
fingerprinter, blocks the reactor in ``next_request`` (BLPOP) when told to wait, deletes
the shared queue and fingerprints when the *first* worker closes (or never, with
``SCHEDULER_PERSIST``), and leaves "do not close while another worker still has requests
in flight" to its RedisSpider, which relies on APIs Scrapy removed. The parts we need are
small; they are here.

Redis keys, under ``<GOV_REPORTS_REDIS_KEY_PREFIX>:<spider name>:``
  queue    sorted set: score -priority, member = 16 hex digits of sequence + pickled request
           (higher priority first, first-in first-out within a priority)
  seq      the sequence counter
  seen     the dupefilter's fingerprints (`RedisDupeFilter`)
  workers  hash: worker id -> lease deadline (ms, Redis clock), renewed by a heartbeat
  busy     hash: worker id -> lease deadline, for workers that have requests in flight

A worker is *busy* from the moment it pops a request (atomically, in the same Lua script)
until its engine is idle again, i.e. until the responses are parsed and every request they
yielded is in the queue. An idle worker stays open (DontCloseSpider) while the queue holds
requests or another worker is busy: that worker may still add work. A worker that dies
stops renewing its leases, so it cannot keep the others open for longer than
GOV_REPORTS_REDIS_WORKER_TTL. The last worker to close a finished crawl deletes its keys,
so the next crawl starts afresh; a crawl that was interrupted keeps them and resumes.

Pickle, as Scrapy's own JOBDIR disk queues use: the Redis server must be trusted (bound to
127.0.0.1 or a private network), as JOBDIR's directory must be.
"""

from __future__ import annotations

import logging
import pickle
import time
from collections import deque
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.core.scheduler import BaseScheduler
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.asyncio import call_later, create_looping_call
from scrapy.utils.misc import build_from_crawler, load_object
from scrapy.utils.request import request_from_dict

from gov_reports.distributed import key_prefix, redis_client, worker_id

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.dupefilters import BaseDupeFilter
    from scrapy.utils.asyncio import CallLaterResult

logger = logging.getLogger(__name__)
SEQ_DIGITS = 16

_NOW_MS = """
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
"""
# KEYS: queue, seq. ARGV: score, pickled request.
_PUSH = """
local n = redis.call('INCR', KEYS[2])
redis.call('ZADD', KEYS[1], ARGV[1], string.format('%016x', n) .. ARGV[2])
return n
"""
# KEYS: queue, busy. ARGV: worker, ttl ms. Pop and mark the worker busy in one step, so no other
# worker can see "queue empty and nobody busy" while this request is on its way.
_POP = (
    _NOW_MS
    + """
local item = redis.call('ZPOPMIN', KEYS[1])
if #item == 0 then return false end
redis.call('HSET', KEYS[2], ARGV[1], string.format('%d', now_ms() + tonumber(ARGV[2])))
return item[1]
"""
)
# KEYS: workers, busy. ARGV: worker, ttl ms, busy flag (1/0).
_TOUCH = (
    _NOW_MS
    + """
local deadline = string.format('%d', now_ms() + tonumber(ARGV[2]))
redis.call('HSET', KEYS[1], ARGV[1], deadline)
if ARGV[3] == '1' then redis.call('HSET', KEYS[2], ARGV[1], deadline) else redis.call('HDEL', KEYS[2], ARGV[1]) end
return 1
"""
)
# KEYS: queue, busy, workers. Returns {queued, busy workers, live workers}, expired leases dropped.
_STATE = (
    _NOW_MS
    + """
local now = now_ms()
purge(KEYS[2], now)
purge(KEYS[3], now)
return {redis.call('ZCARD', KEYS[1]), redis.call('HLEN', KEYS[2]), redis.call('HLEN', KEYS[3])}
"""
)
# KEYS: queue, busy, workers, seq, seen. ARGV: worker, delete (1/0). The worker leaves; if it was
# the last one and the frontier is empty, the crawl is finished and its keys are deleted.
_LEAVE = (
    _NOW_MS
    + """
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
local now = now_ms()
purge(KEYS[2], now)
purge(KEYS[3], now)
if ARGV[2] == '1' and redis.call('ZCARD', KEYS[1]) == 0 and redis.call('HLEN', KEYS[2]) == 0
   and redis.call('HLEN', KEYS[3]) == 0 then
  redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5])
  return 1
end
return 0
"""
)


class RedisScheduler(BaseScheduler):
    """SCHEDULER for distributed crawls (see the module doc).

    Settings: GOV_REPORTS_REDIS_URL, GOV_REPORTS_REDIS_KEY_PREFIX, GOV_REPORTS_REDIS_WORKER_TTL
    (seconds a silent worker keeps its leases, default 60), GOV_REPORTS_REDIS_IDLE_POLL (seconds
    between looks at the frontier while idle, default 0.2), GOV_REPORTS_REDIS_MIN_WORKERS (wait
    until this many workers have joined before fetching, default 1; for benchmarks and tests),
    GOV_REPORTS_REDIS_START_TIMEOUT (how long to wait for them, default 60 s),
    GOV_REPORTS_REDIS_PERSIST (keep the keys of a finished crawl, default False).
    """

    def __init__(self, crawler: Crawler, dupefilter: BaseDupeFilter) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.df = dupefilter
        self.server = getattr(dupefilter, "server", None) or redis_client(settings)
        base = f"{key_prefix(settings)}:{crawler.spidercls.name}"
        self.key = base
        self.keys = {name: f"{base}:{name}" for name in ("queue", "seq", "seen", "workers", "busy")}
        self.worker = worker_id()
        self.ttl_ms = int(settings.getfloat("GOV_REPORTS_REDIS_WORKER_TTL", 60.0) * 1000)
        self.idle_poll = settings.getfloat("GOV_REPORTS_REDIS_IDLE_POLL", 0.2)
        self.min_workers = settings.getint("GOV_REPORTS_REDIS_MIN_WORKERS", 1)
        self.start_timeout = settings.getfloat("GOV_REPORTS_REDIS_START_TIMEOUT", 60.0)
        self.persist = settings.getbool("GOV_REPORTS_REDIS_PERSIST")
        self.busy = False
        self.started = False
        self.opened_at = 0.0
        # Requests that cannot be pickled (a callback that is not a spider method) stay local.
        self.local: deque[Request] = deque()
        self._push = self.server.register_script(_PUSH)
        self._pop = self.server.register_script(_POP)
        self._touch = self.server.register_script(_TOUCH)
        self._state = self.server.register_script(_STATE)
        self._leave = self.server.register_script(_LEAVE)
        self._wake_call: CallLaterResult | None = None
        self._heartbeat: Any = None
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
        self._heartbeat.start(max(self.ttl_ms / 3000, 0.05), now=False)
        queued, _, workers = self.frontier_state()
        logger.info(
            "Distributed crawl %s: worker %s joined (%d request(s) queued, %d worker(s) live)",
            self.key,
            self.worker,
            queued,
            workers,
        )
        self.df.open()

    def close(self, reason: str) -> None:
        if self._heartbeat is not None and self._heartbeat.running:
            self._heartbeat.stop()
        self._cancel_wake()
        delete = not self.persist and reason == "finished"
        keys = self._keys("queue", "busy", "workers", "seq", "seen")
        if self._leave(keys=keys, args=[self.worker, int(delete)]):
            logger.info("Distributed crawl %s finished: last worker out, keys deleted", self.key)
        self.df.close(reason)

    # -- the frontier ------------------------------------------------------------------

    def has_pending_requests(self) -> bool:
        return bool(self.local) or self.server.zcard(self.keys["queue"]) > 0

    def enqueue_request(self, request: Request) -> bool:
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            return False
        stats = self.crawler.stats
        assert stats is not None
        try:
            data = pickle.dumps(request.to_dict(spider=self.spider), protocol=4)
        except (ValueError, TypeError, AttributeError, pickle.PicklingError) as error:
            logger.warning("Request kept in this worker only (cannot be shared: %s): %s", error, request)
            self.local.append(request)
            stats.inc_value("scheduler/enqueued/local")
        else:
            self._push(keys=self._keys("queue", "seq"), args=[-request.priority, data])
            stats.inc_value("scheduler/enqueued/redis")
        stats.inc_value("scheduler/enqueued")
        return True

    def next_request(self) -> Request | None:
        if not self._may_start():
            self._schedule_wake()
            return None
        stats = self.crawler.stats
        assert stats is not None
        if self.local:
            self.busy = True
            stats.inc_value("scheduler/dequeued/local")
            stats.inc_value("scheduler/dequeued")
            return self.local.popleft()
        member = self._pop(keys=self._keys("queue", "busy"), args=[self.worker, self.ttl_ms])
        if member is None:
            return None
        self.busy = True
        request = request_from_dict(pickle.loads(member[SEQ_DIGITS:]), spider=self.spider)
        stats.inc_value("scheduler/dequeued/redis")
        stats.inc_value("scheduler/dequeued")
        return request

    def __len__(self) -> int:
        return len(self.local) + self.server.zcard(self.keys["queue"])

    def frontier_state(self) -> tuple[int, int, int]:
        """(requests queued, workers busy, workers live), across the whole crawl."""
        queued, busy, workers = self._state(keys=self._keys("queue", "busy", "workers"))
        return int(queued), int(busy), int(workers)

    # -- idle handling -----------------------------------------------------------------

    def spider_idle(self, spider: Spider) -> None:
        """This worker has nothing in flight; stay open while any other worker may still add work."""
        self.busy = False
        self._renew()
        queued, busy, _ = self.frontier_state()
        if queued or busy:
            self._schedule_wake()
            raise DontCloseSpider

    def _may_start(self) -> bool:
        """False until GOV_REPORTS_REDIS_MIN_WORKERS workers have joined (or the wait timed out)."""
        if self.started:
            return True
        _, _, workers = self.frontier_state()
        waited = time.monotonic() - self.opened_at
        if workers >= self.min_workers or waited >= self.start_timeout:
            if workers < self.min_workers:
                logger.warning("Starting with %d of %d worker(s) after %.0f s", workers, self.min_workers, waited)
            self.started = True
        return self.started

    def _renew(self) -> None:
        self._touch(keys=self._keys("workers", "busy"), args=[self.worker, self.ttl_ms, int(self.busy)])

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
        slot = getattr(self.crawler.engine, "_slot", None)
        if slot is not None and slot.closing is None:
            slot.nextcall.schedule()

    def _keys(self, *names: str) -> list[str]:
        return [self.keys[name] for name in names]
