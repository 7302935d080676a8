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
  GOV_REPORTS_RETRY_AFTER_MAX). The pause holds the slot's queue the way
  Scrapy's own download delay does (the slot's `latercall`); the retry made by
  Scrapy's RetryMiddleware waits in that queue. A good answer resets n.

This uses the downloader's slot internals (`slots`, `Slot.latercall`,
`_process_queue`) of Scrapy 2.19, which pyproject.toml pins; the crawl tests of
Retry-After, WAF retries and Crawl-delay would fail if they changed.
"""

from __future__ import annotations

import email.utils
import logging
import time
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

from scrapy import signals
from scrapy.utils.asyncio import call_later
from scrapy.utils.httpobj import urlparse_cached

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request
    from scrapy.core.downloader import Downloader, Slot
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.robotstxt import RobotParser

logger = logging.getLogger(__name__)


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


_PACERS: weakref.WeakKeyDictionary[Crawler, HostPacer] = weakref.WeakKeyDictionary()


def host_pacer(crawler: Crawler) -> HostPacer:
    """The crawl's one HostPacer, shared by the middlewares that pause hosts."""
    pacer = _PACERS.get(crawler)
    if pacer is None:
        pacer = _PACERS[crawler] = HostPacer()
    return pacer


def request_host(request: Request) -> str:
    return urlparse_cached(request).netloc.lower()


def hold_slot(crawler: Crawler, request: Request, pacer: HostPacer) -> None:
    """Make the request's download slot honour its host's Crawl-delay and pause (see the module doc)."""
    downloader = crawler.engine.downloader
    slot = downloader.slots.get(request.meta.get(downloader.DOWNLOAD_SLOT) or downloader.get_slot_key(request))
    if slot is None:  # not created yet: the signal request_reached_downloader will come back here
        return
    host = request_host(request)
    delay = pacer.crawl_delays.get(host)
    if delay and (slot.delay < delay or slot.jitter):
        slot.delay, slot.jitter = max(slot.delay, delay), 0.0
    left = pacer.pause_left(host)
    if left > 0:
        # What Scrapy does for its download delay: the slot's queue waits for this call.
        if slot.latercall:
            slot.latercall.cancel()
        slot.latercall = call_later(left, _release_slot, downloader, slot)


def _release_slot(downloader: Downloader, slot: Slot) -> None:
    slot.latercall = None
    downloader._process_queue(slot)


class HostPacingMiddleware:
    """Crawl-delay and pauses on the hosts' download slots; back off on 429/5xx, honouring Retry-After."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        settings = crawler.settings
        self.pacer = host_pacer(crawler)
        self.base = settings.getfloat("GOV_REPORTS_BACKOFF_BASE")
        self.maximum = settings.getfloat("GOV_REPORTS_BACKOFF_MAX")
        self.retry_after_max = settings.getfloat("GOV_REPORTS_RETRY_AFTER_MAX")
        self.codes = {int(c) for c in settings.getlist("GOV_REPORTS_BACKOFF_HTTP_CODES")}
        self.user_agent = settings.get("ROBOTSTXT_USER_AGENT") or settings.get("USER_AGENT")
        # Bound methods of this middleware, which the crawler keeps: signal receivers are weak references.
        crawler.signals.connect(self.robots_parsed, signal=signals.robots_parsed)
        crawler.signals.connect(self.request_reached_downloader, signal=signals.request_reached_downloader)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def robots_parsed(self, robotparser: RobotParser, request: Request) -> None:
        delay = robotparser.crawl_delay(self.user_agent)
        if not delay or delay <= 0:
            return
        host = request_host(request)
        self.pacer.crawl_delays[host] = float(delay)
        self.crawler.stats.set_value(f"gov_reports/crawl_delay/{host}", float(delay))
        logger.info("robots.txt of %s asks for Crawl-delay %s s: honoured", host, delay)

    def process_request(self, request: Request) -> None:
        if request_host(request) in self.pacer.crawl_delays:
            request.meta["autothrottle_dont_adjust_delay"] = True  # the host said how fast: keep to it

    def request_reached_downloader(self, request: Request) -> None:
        hold_slot(self.crawler, request, self.pacer)

    def process_response(self, request: Request, response: Response) -> Response:
        host = request_host(request)
        if response.status not in self.codes:
            if response.status < 400:
                self.pacer.recovered(host)
            return response
        retry_after = retry_after_seconds(response.headers.get(b"Retry-After"))
        at_least = min(retry_after or 0.0, self.retry_after_max)
        pause = self.pacer.back_off(host, self.base, self.maximum, at_least=at_least)
        hold_slot(self.crawler, request, self.pacer)
        stats = self.crawler.stats
        stats.inc_value(f"gov_reports/backoff/{host}")
        if retry_after is not None:
            stats.inc_value("gov_reports/retry_after_honoured")
        logger.info("HTTP %d from %s: pausing the host %.1f s", response.status, host, pause)
        return response
