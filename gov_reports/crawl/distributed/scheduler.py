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

Why a sorted set rather than Redis Streams: docs/distributed.md ("Why not Redis Streams").

Requests are JSON (`codec`), never pickle: an entry that is not a request this project
wrote is dropped with a counted reason (``gov_reports/redis/dropped/<reason>``), never run.
Callbacks are stored by name and bound to the worker's own spider.

Redis keys and the scripts that change them: `scripts`.

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

import logging
import time
from collections import deque
from typing import TYPE_CHECKING, Any, NamedTuple

from scrapy import signals
from scrapy.core.scheduler import BaseScheduler
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.asyncio import call_later, create_looping_call
from scrapy.utils.misc import build_from_crawler, load_object

from gov_reports.crawl.distributed import codec, key_prefix, lease_seconds, redis_client, scripts, worker_id
from gov_reports.crawl.distributed.leases import SEQ_DIGITS, Lease, Leases
from gov_reports.crawl.distributed.pending import feed_exporter, merged_dumps
from gov_reports.crawl.distributed.records import WorkerRecords
from gov_reports.crawl.distributed.scripts import CRAWL_KEYS
from gov_reports.model.vocabulary import StatPrefix

if TYPE_CHECKING:
    from pathlib import Path
    from typing import Self

    import redis
    from scrapy import Request, Spider
    from scrapy.core.engine import ExecutionEngine
    from scrapy.crawler import Crawler
    from scrapy.dupefilters import BaseDupeFilter
    from scrapy.signalmanager import SignalManager
    from scrapy.statscollectors import StatsCollector
    from scrapy.utils.asyncio import CallLaterResult

logger = logging.getLogger(__name__)
STATS = StatPrefix.REDIS
DEFAULT_MAX_LEASE_EXPIRIES = 3
# Entries looked at per `next_request` call before giving the engine back its turn.
MAX_DROPS_PER_CALL = 100
# How often the engine's finished requests are looked for (locally; Redis only when some finished). The
# engine asks for a next request only when its downloader has room, so that alone would be too late.
ACK_SWEEP_SECONDS = 0.5


class FrontierState(NamedTuple):
    """The whole crawl, as one worker sees it at one moment."""

    queued: int
    leased: int
    busy: int
    live: int


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

    def __init__(
        self,
        server: redis.Redis,
        dupefilter: BaseDupeFilter,
        stats: StatsCollector | None,
        signals: SignalManager,
        *,
        prefix: str,
        spider_name: str,
        lease_ms: int,
        max_expiries: int = DEFAULT_MAX_LEASE_EXPIRIES,
        idle_poll: float = 0.2,
        min_workers: int = 1,
        start_timeout: float = 60.0,
        persist: bool = False,
        dumps: frozenset[Path] = frozenset(),
    ) -> None:
        self.server = server
        self.df = dupefilter
        self.stats = stats
        # To be told of engine_stopped at close (`close`), when nothing else keeps this scheduler.
        self.signals = signals
        self.prefix = prefix
        base = f"{prefix}:{spider_name}"
        self.key = base
        self.keys = {name: f"{base}:{name}" for name in CRAWL_KEYS}
        self.worker = worker_id()
        self.lease_ms = lease_ms
        self.max_expiries = max_expiries
        self.idle_poll = idle_poll
        self.min_workers = min_workers
        self.start_timeout = start_timeout
        self.persist = persist
        self.engine: ExecutionEngine | None = None  # the crawl's engine, from the spider at `open`
        self.busy = False
        self.started = False
        self.opened_at = 0.0
        self.close_reason: str | None = None
        self.left = False
        # Requests that cannot be written as JSON (a callback that is not a spider method) stay local.
        self.local: deque[Request] = deque()
        self.records = WorkerRecords(server, self.keys["pending"], self.worker, set(dumps), self._count)
        self.leases = Leases(server, self.keys, self.worker, self.records, self._count, max_expiries)
        self._push = server.register_script(scripts.PUSH)
        self._take = server.register_script(scripts.TAKE)
        self._touch = server.register_script(scripts.TOUCH)
        self._state = server.register_script(scripts.STATE)
        self._leave = server.register_script(scripts.LEAVE)
        self._wake_call: CallLaterResult | None = None
        self._heartbeat: Any = None
        self._ack_sweep: Any = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        dupefilter = build_from_crawler(load_object(settings["DUPEFILTER_CLASS"]), crawler)
        scheduler = cls(
            getattr(dupefilter, "server", None) or redis_client(settings),
            dupefilter,
            crawler.stats,
            crawler.signals,
            prefix=key_prefix(settings),
            spider_name=crawler.spidercls.name,
            lease_ms=int(lease_seconds(settings) * 1000),
            max_expiries=settings.getint("GOV_REPORTS_REDIS_MAX_LEASE_EXPIRIES", DEFAULT_MAX_LEASE_EXPIRIES),
            idle_poll=settings.getfloat("GOV_REPORTS_REDIS_IDLE_POLL", 0.2),
            min_workers=settings.getint("GOV_REPORTS_REDIS_MIN_WORKERS", 1),
            start_timeout=settings.getfloat("GOV_REPORTS_REDIS_START_TIMEOUT", 60.0),
            persist=settings.getbool("GOV_REPORTS_REDIS_PERSIST"),
            dumps=frozenset(merged_dumps(settings)),
        )
        # A bound method of the scheduler, which the engine keeps: signal receivers are weak references.
        crawler.signals.connect(scheduler.spider_idle, signal=signals.spider_idle)
        return scheduler

    # -- lifecycle ---------------------------------------------------------------------

    def open(self, spider: Spider) -> None:
        self.spider = spider
        crawler = spider.crawler
        try:
            self.engine = crawler.engine
        except RuntimeError:  # a scheduler opened by hand, without a crawl (tests)
            self.engine = None
        self.leases.engine = self.engine
        self.records.exporter = feed_exporter(crawler)
        self.opened_at = time.monotonic()
        # Busy until the engine first goes idle: its start requests are still on their way into the queue.
        self.busy = True
        self._renew()
        self._heartbeat = create_looping_call(self._renew)
        self._heartbeat.start(max(self.lease_ms / 3000, 0.05), now=False)
        self._ack_sweep = create_looping_call(self.leases.acknowledge_finished)
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
        self.leases.release_unfinished()
        self.leases.acknowledge(list(self.leases.held))
        self.busy = False
        self.close_reason = reason
        self._renew()
        self.df.close(reason)
        # A strong reference: nothing else keeps this scheduler once the engine has let it go.
        self.signals.connect(self.leave, signal=signals.engine_stopped, weak=False)

    def leave(self) -> bool:
        """After this worker's merge: register what is left, merge dead workers' records, leave.

        True when this worker was the last one out of a finished crawl and deleted its keys.
        """
        if self.left:
            return False
        self.left = True
        if self._heartbeat is not None and self._heartbeat.running:
            self._heartbeat.stop()
        self.records.settle()
        self.frontier_state()  # drops the marks of dead workers
        self.records.adopt_dead({w.decode() for w in self.server.hkeys(self.keys["workers"])})
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
        self.leases.acknowledge_finished()
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
            self.leases.count_requeued(int(requeued), dropped)
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
                self.leases.acknowledge_entries({lease_id: member})
                continue
            self.leases.held[lease_id] = Lease(request, member)
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
        self.leases.count_requeued(int(requeued), dropped)
        return FrontierState(int(queued), int(leased), int(busy), int(live))

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
        self.leases.acknowledge_finished(engine_idle=True)
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
        self.leases.acknowledge_finished()
        keys = self._keys("workers", "busy", "leases", "leased")
        self._touch(keys=keys, args=[self.worker, self.lease_ms, int(self.busy), *self.leases.held])

    def _schedule_wake(self) -> None:
        if self._wake_call is None:
            self._wake_call = call_later(self.idle_poll, self._wake)

    def _cancel_wake(self) -> None:
        if self._wake_call is not None:
            self._wake_call.cancel()
            self._wake_call = None

    def _wake(self) -> None:
        """Ask the engine for another round now instead of at its 5-second heartbeat.

        Scrapy 2.19 has no public "look at the scheduler again" call; the engine's own next-call
        (`ExecutionEngine._slot.nextcall`, private) is what a finished download triggers, so it is
        safe to trigger it from here too. Without it, the engine's heartbeat looks within 5 s.
        """
        self._wake_call = None
        slot = getattr(self.engine, "_slot", None)
        if slot is not None and slot.closing is None:
            slot.nextcall.schedule()

    def _keys(self, *names: str) -> list[str]:
        return [self.keys[name] for name in names]

    def _inc(self, name: str, count: int = 1, *, prefix: str = STATS) -> None:
        if self.stats is not None and count:
            self.stats.inc_value(prefix + name, count)

    def _count(self, name: str, count: int) -> None:
        self._inc(name, count)
