"""Per-host pacing: robots.txt Crawl-delay, Retry-After, and backoff after trouble.

Scrapy 2.19 obeys robots.txt rules but not its Crawl-delay, and its
RetryMiddleware retries 429/503 without reading Retry-After. Both are added
here, applied to the host's download slot, so that waiting requests sit in
the slot's queue like any delayed request: the scheduler's
DownloaderAwarePriorityQueue sees the host as busy and keeps the other hosts
going (sleeping inside a middleware would hide them from it and could fill the
downloader with one paused host's requests).

* Crawl-delay: the slot's delay is raised to it, without jitter, and
  AutoThrottle is told not to lower it again (`autothrottle_dont_adjust_delay`).
* Backoff: after a 429/5xx (or a WAF page, see gov_reports.crawl.downloader.waf) the host is paused
  for base·2^(n-1) seconds (n = consecutive bad answers, capped at
  GOV_REPORTS_BACKOFF_MAX), or for its Retry-After if longer (capped at
  GOV_REPORTS_RETRY_AFTER_MAX). A good answer resets n.

How a pause holds the slot: Scrapy 2.19 has no public call to pause a download slot, so the pause uses
what AutoThrottle uses, the slot's public `delay` (and `jitter`, `lastseen`, `transferring`, fields of the
downloader's Slot dataclass): while the host is paused its delay is raised so that the slot's next request
leaves only after the pause (lastseen + delay), and when the pause ends the delay is put back. The retry made
by Scrapy's RetryMiddleware waits in the slot's queue. The slot is found in `Downloader.slots`, as
AutoThrottle finds it.
"""

from __future__ import annotations

import email.utils
import logging
import time
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from scrapy import signals
from scrapy.core.downloader import Downloader
from scrapy.utils.asyncio import call_later
from scrapy.utils.httpobj import urlparse_cached

from gov_reports.model.vocabulary import Stat, StatPrefix

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request, Spider
    from scrapy.core.downloader import Slot
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.robotstxt import RobotParser
    from scrapy.statscollectors import StatsCollector
    from scrapy.utils.asyncio import CallLaterResult

logger = logging.getLogger(__name__)
# Where the downloader notes a request's slot key once the request has reached it.
DOWNLOAD_SLOT_META = Downloader.DOWNLOAD_SLOT


def retry_after_seconds(value: bytes | str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), or None if absent/invalid."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when is None or when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class HostPacer:
    """Per host (host:port): its Crawl-delay, and until when it is paused after bad answers."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock  # the downloader's clock (time.monotonic)
        self.crawl_delays: dict[str, float] = {}
        self.paused_until: dict[str, float] = {}
        self.bad_answers: dict[str, int] = {}

    def pause_left(self, host: str) -> float:
        return max(0.0, self.paused_until.get(host, 0.0) - self.clock())

    def back_off(self, host: str, base: float, maximum: float, at_least: float = 0.0) -> float:
        """Pause the host after a bad answer (at least `at_least`, a Retry-After); return the pause in seconds."""
        count = self.bad_answers.get(host, 0) + 1
        self.bad_answers[host] = count
        pause = max(min(maximum, base * 2 ** (count - 1)), at_least)
        self.paused_until[host] = max(self.paused_until.get(host, 0.0), self.clock() + pause)
        return pause

    def recovered(self, host: str) -> None:
        self.bad_answers.pop(host, None)


_PACERS: weakref.WeakKeyDictionary[Crawler, SlotPauses] = weakref.WeakKeyDictionary()

# The restore of a paused slot's delay runs this long before the slot may send again, so that it always comes
# first (both are timers of the event loop, run in the order of their deadlines).
_RESTORE_LEAD = 0.01


def host_pacer(crawler: Crawler) -> SlotPauses:
    """The crawl's one pacer of download slots, shared by the middlewares that pause hosts."""
    pauses = _PACERS.get(crawler)
    if pauses is None:
        pauses = _PACERS[crawler] = SlotPauses(HostPacer())
        # A bound method of the pauses, which the middlewares keep: signal receivers are weak references.
        crawler.signals.connect(pauses.spider_opened, signal=signals.spider_opened)
    return pauses


def request_host(request: Request) -> str:
    return urlparse_cached(request).netloc.lower()


@dataclass
class _HeldSlot:
    """A slot whose delay covers a pause: the delay and jitter to put back, and the timer that does it."""

    slot: Slot
    delay: float
    jitter: float
    timer: CallLaterResult | None = None


class SlotPauses:
    """Makes the hosts' download slots honour their Crawl-delay and pauses (see the module doc)."""

    def __init__(self, pacer: HostPacer, slots: Mapping[str, Slot] | None = None) -> None:
        self.pacer = pacer
        # The downloader's slots by key (what AutoThrottle reads); known once the engine exists.
        self.slots: Mapping[str, Slot] = slots if slots is not None else {}
        self.held: dict[str, _HeldSlot] = {}

    def spider_opened(self, spider: Spider) -> None:
        self.slots = spider.crawler.engine.downloader.slots

    def hold(self, request: Request) -> None:
        """Apply the request's host's Crawl-delay and pause to the request's download slot, if it has one yet."""
        key = request.meta.get(DOWNLOAD_SLOT_META)
        slot = self.slots.get(key) if key is not None else None
        if slot is None:  # not in the downloader yet: the signal request_reached_downloader comes back here
            return
        host = request_host(request)
        held = self.held.get(key)
        if held is not None and held.slot is not slot:  # the downloader replaced an idle slot
            self._release(key)
            held = None
        crawl_delay = self.pacer.crawl_delays.get(host)
        if crawl_delay:
            target = held if held is not None else slot
            if target.delay < crawl_delay or target.jitter:
                target.delay, target.jitter = max(target.delay, crawl_delay), 0.0
        left = self.pacer.pause_left(host)
        if left <= 0:
            return
        if held is None:
            held = self.held[key] = _HeldSlot(slot, slot.delay, slot.jitter)
            for busy in slot.transferring:  # their answers must not let AutoThrottle shorten the pause
                busy.meta["autothrottle_dont_adjust_delay"] = True
        # The slot sends its next request at lastseen + delay: after the pause, and after the restore below.
        slot.delay = max(held.delay, self.pacer.paused_until[host] - slot.lastseen + _RESTORE_LEAD)
        slot.jitter = 0.0
        if held.timer is not None:
            held.timer.cancel()
        held.timer = call_later(left, self._release, key)

    def _release(self, key: str) -> None:
        held = self.held.pop(key, None)
        if held is None:
            return
        if held.timer is not None:
            held.timer.cancel()
        held.slot.delay, held.slot.jitter = held.delay, held.jitter


class HostPacingMiddleware:
    """Crawl-delay and pauses on the hosts' download slots; back off on 429/5xx, honouring Retry-After."""

    def __init__(
        self,
        pauses: SlotPauses,
        stats: StatsCollector,
        *,
        base: float,
        maximum: float,
        retry_after_max: float,
        codes: frozenset[int],
        user_agent: str,
    ) -> None:
        self.pauses = pauses
        self.pacer = pauses.pacer
        self.stats = stats
        self.base = base
        self.maximum = maximum
        self.retry_after_max = retry_after_max
        self.codes = codes
        self.user_agent = user_agent

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        assert crawler.stats is not None
        middleware = cls(
            host_pacer(crawler),
            crawler.stats,
            base=settings.getfloat("GOV_REPORTS_BACKOFF_BASE"),
            maximum=settings.getfloat("GOV_REPORTS_BACKOFF_MAX"),
            retry_after_max=settings.getfloat("GOV_REPORTS_RETRY_AFTER_MAX"),
            codes=frozenset(int(c) for c in settings.getlist("GOV_REPORTS_BACKOFF_HTTP_CODES")),
            user_agent=settings.get("ROBOTSTXT_USER_AGENT") or settings.get("USER_AGENT"),
        )
        # Bound methods of this middleware, which the crawler keeps: signal receivers are weak references.
        crawler.signals.connect(middleware.robots_parsed, signal=signals.robots_parsed)
        crawler.signals.connect(middleware.request_reached_downloader, signal=signals.request_reached_downloader)
        return middleware

    def robots_parsed(self, robotparser: RobotParser, request: Request) -> None:
        delay = robotparser.crawl_delay(self.user_agent)
        if not delay or delay <= 0:
            return
        host = request_host(request)
        self.pacer.crawl_delays[host] = float(delay)
        self.stats.set_value(f"{StatPrefix.CRAWL_DELAY}{host}", float(delay))
        logger.info("robots.txt of %s asks for Crawl-delay %s s: honoured", host, delay)

    def process_request(self, request: Request) -> None:
        if self.pacer.crawl_delays and request_host(request) in self.pacer.crawl_delays:
            request.meta["autothrottle_dont_adjust_delay"] = True  # the host said how fast: keep to it

    def request_reached_downloader(self, request: Request) -> None:
        if self.pacer.crawl_delays or self.pacer.paused_until:
            self.pauses.hold(request)

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status not in self.codes:
            if response.status < 400 and self.pacer.bad_answers:
                self.pacer.recovered(request_host(request))
            return response
        host = request_host(request)
        retry_after = retry_after_seconds(response.headers.get(b"Retry-After"))
        at_least = min(retry_after or 0.0, self.retry_after_max)
        pause = self.pacer.back_off(host, self.base, self.maximum, at_least=at_least)
        self.pauses.hold(request)
        self.stats.inc_value(f"{StatPrefix.BACKOFF}{host}")
        if retry_after is not None:
            self.stats.inc_value(Stat.RETRY_AFTER_HONOURED)
        logger.info("HTTP %d from %s: pausing the host %.1f s", response.status, host, pause)
        return response
