"""Per-host politeness for all workers together: the delay and the concurrency cap live in Redis.

Scrapy enforces DOWNLOAD_DELAY and CONCURRENT_REQUESTS_PER_DOMAIN per process (per
downloader slot); N workers would make N times the requests a host should get. This
downloader middleware makes every request to a host first take a turn from Redis:

* ``<prefix>:host:<slot>:next`` — the earliest time (Redis clock, ms) the next request to the
  host may start. A worker takes the turn when it is due, which moves it on by the delay,
  atomically (Lua), so turns handed to different workers are at least the delay apart; before
  that it waits and asks again.
* ``<prefix>:host:<slot>:leases`` — a sorted set of the requests in flight to the host, each
  with a deadline (GOV_REPORTS_REDIS_LEASE_SECONDS) that the worker's heartbeat moves on while
  the request is in its downloader, so a long download keeps its place and a worker that dies
  frees its places after one lease. A turn is only handed out while fewer than the cap are in
  flight; the lease is returned with the response.

<slot> is Scrapy's download slot key (the host name, or ``download_slot`` in meta), the same
unit Scrapy's own per-domain limits use. The middleware sits after the robots.txt and cache
middlewares, so robots.txt fetches take turns too and cache hits do not.

The `gov_reports.crawl.addons.Redis` add-on moves DOWNLOAD_DELAY and CONCURRENT_REQUESTS_PER_DOMAIN
here (GOV_REPORTS_REDIS_HOST_DELAY, GOV_REPORTS_REDIS_HOST_CONCURRENCY) and switches the
per-process delay off: a local delay would hold a request back past its turn and let another
worker's turn follow too closely.
"""

from __future__ import annotations

import itertools
import logging
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import create_looping_call, sleep

from gov_reports.crawl.distributed import key_prefix, lease_seconds, redis_client, worker_id
from gov_reports.model.vocabulary import Stat

if TYPE_CHECKING:
    from typing import Self

    import redis
    from scrapy import Request, Spider
    from scrapy.core.downloader import Downloader
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)
LEASE_META = "gov_reports_host_lease"
FULL = -1

# KEYS: next, leases. ARGV: delay ms, cap (0 = none), lease ms, token.
# Returns 0 when the turn is taken (now), else how long to wait (ms) before asking again, or -1 when
# the cap is reached. A turn is granted only when it is due, never booked ahead: a worker whose event
# loop wakes late (busy parsing) then asks again instead of sending late into another worker's turn.
_TAKE_TURN = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local delay, cap, lease = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if cap > 0 and redis.call('ZCARD', KEYS[2]) >= cap then return -1 end
local due = tonumber(redis.call('GET', KEYS[1]) or '0')
if now < due then return due - now end
redis.call('SET', KEYS[1], string.format('%d', now + delay), 'PX', delay + 60000)
redis.call('ZADD', KEYS[2], now + lease, ARGV[4])
redis.call('PEXPIRE', KEYS[2], lease + 60000)
return 0
"""
# KEYS: the leases sets of the tokens' hosts. ARGV: lease ms, then one token per key.
# Moves the deadline of tokens still held (XX: a token that expired is not brought back).
_RENEW = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lease = tonumber(ARGV[1])
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, 'XX', string.format('%d', now + lease), ARGV[i + 1])
  redis.call('PEXPIRE', key, lease + 60000)
end
return #KEYS
"""


class SharedHostPolitenessMiddleware:
    """Downloader middleware: one per-host rate and concurrency limit across all workers."""

    def __init__(
        self,
        server: redis.Redis,
        stats: StatsCollector,
        *,
        prefix: str,
        delay: float,
        concurrency: int,
        lease_ms: int,
        poll: float,
    ) -> None:
        self.server = server
        self.stats = stats
        self.delay = delay
        self.concurrency = concurrency
        # Renewed while the request is in the downloader, so it only expires for a worker that died.
        self.lease_ms = lease_ms
        self.poll = poll
        self.prefix = f"{prefix}:host"
        self.worker = worker_id()
        self.tokens = itertools.count()
        self._take_turn = self.server.register_script(_TAKE_TURN)
        self._renew = self.server.register_script(_RENEW)
        # token -> (slot, request) for the turns this worker holds.
        self.held: dict[str, tuple[str, Request]] = {}
        self.downloader: Downloader | None = None  # the crawl's, from the spider at spider_opened
        self._heartbeat: Any = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if not settings.get("GOV_REPORTS_REDIS_URL"):
            raise NotConfigured("GOV_REPORTS_REDIS_URL is not set")
        assert crawler.stats is not None
        middleware = cls(
            redis_client(settings),
            crawler.stats,
            prefix=key_prefix(settings),
            delay=settings.getfloat("GOV_REPORTS_REDIS_HOST_DELAY", settings.getfloat("DOWNLOAD_DELAY")),
            concurrency=settings.getint(
                "GOV_REPORTS_REDIS_HOST_CONCURRENCY", settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN")
            ),
            lease_ms=int(lease_seconds(settings) * 1000),
            poll=settings.getfloat("GOV_REPORTS_REDIS_IDLE_POLL", 0.2) / 4,
        )
        # Bound methods of this middleware, which the crawler keeps: signal receivers are weak references.
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def spider_opened(self, spider: Spider) -> None:
        self.downloader = spider.crawler.engine.downloader
        self._heartbeat = create_looping_call(self.renew_leases)
        self._heartbeat.start(max(self.lease_ms / 3000, 0.05), now=False)

    def spider_closed(self) -> None:
        if self._heartbeat is not None and self._heartbeat.running:
            self._heartbeat.stop()

    def renew_leases(self) -> None:
        """Move on the deadline of the turns whose requests are still in the downloader.

        A token whose request left the downloader without passing process_response or
        process_exception (none should) is forgotten here and expires by itself.
        """
        active = self.downloader.active if self.downloader is not None else set()
        for token, (_, request) in list(self.held.items()):
            if request not in active:
                del self.held[token]
        if self.held:
            keys = [self.keys(slot)[1] for slot, _ in self.held.values()]
            self._renew(keys=keys, args=[self.lease_ms, *self.held])

    def keys(self, slot: str) -> list[str]:
        return [f"{self.prefix}:{slot}:next", f"{self.prefix}:{slot}:leases"]

    async def process_request(self, request: Request) -> None:
        if self.delay <= 0 and self.concurrency <= 0:
            return
        assert self.downloader is not None  # requests come after spider_opened
        slot = self.downloader.get_slot_key(request)
        token = f"{self.worker}:{next(self.tokens)}"
        args = [int(self.delay * 1000), max(self.concurrency, 0), self.lease_ms, token]
        while wait_ms := int(self._take_turn(keys=self.keys(slot), args=args)):
            if wait_ms == FULL:
                self.stats.inc_value(Stat.REDIS_HOST_CONCURRENCY_WAITS)
                await sleep(self.poll)
            else:
                self.stats.inc_value(Stat.REDIS_HOST_DELAY_WAITS)
                await sleep(wait_ms / 1000)
        request.meta[LEASE_META] = (slot, token)
        self.held[token] = (slot, request)

    def process_response(self, request: Request, response: Response) -> Response:
        self._release(request)
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        self._release(request)

    def _release(self, request: Request) -> None:
        lease = request.meta.pop(LEASE_META, None)
        if lease is not None:
            slot, token = lease
            self.held.pop(token, None)
            self.server.zrem(self.keys(slot)[1], token)
