"""Per-host pacing: robots.txt Crawl-delay, Retry-After, and backoff after trouble.

Scrapy 2.19 obeys robots.txt rules but not its Crawl-delay, and its
RetryMiddleware retries 429/503 without reading Retry-After. Both are added
here, in one place, as a per-host "not before" time that every request to the
host waits for (`HostPacingMiddleware.process_request`):

* Crawl-delay: requests to a host start at least that many seconds apart
  (each one books the next start time), whatever AutoThrottle decides; AutoThrottle
  re-tunes the download slot's delay after every response, so setting the slot's
  delay would not last.
* Backoff: after a 429/5xx (or a WAF page, see gov_reports.waf) the host is paused
  for base·2^(n-1) seconds (n = consecutive bad answers, capped at
  GOV_REPORTS_BACKOFF_MAX), or for its Retry-After if longer (capped at
  GOV_REPORTS_RETRY_AFTER_MAX); the retry made by Scrapy's RetryMiddleware then waits.
  A good answer from the host resets n.

The waiting is an asynchronous sleep: the reactor keeps serving other hosts.
"""

from __future__ import annotations

import email.utils
import logging
import time
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

from scrapy import signals
from scrapy.utils.asyncio import sleep
from scrapy.utils.httpobj import urlparse_cached

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request
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
    """Earliest start time per host (host:port): Crawl-delay spacing and backoff pauses."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.crawl_delays: dict[str, float] = {}
        self.paused_until: dict[str, float] = {}
        self.next_start: dict[str, float] = {}
        self.bad_answers: dict[str, int] = {}

    def pause_left(self, host: str) -> float:
        return max(0.0, self.paused_until.get(host, 0.0) - self.clock())

    def book(self, host: str) -> float:
        """Book this host's next start under its Crawl-delay; return how long to wait for it."""
        now = self.clock()
        start = max(now, self.next_start.get(host, 0.0))
        delay = self.crawl_delays.get(host)
        if delay:
            self.next_start[host] = start + delay
        return start - now

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


class HostPacingMiddleware:
    """Wait for the host's pause and Crawl-delay; back off on 429/5xx, honouring Retry-After."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        settings = crawler.settings
        self.pacer = host_pacer(crawler)
        self.base = settings.getfloat("GOV_REPORTS_BACKOFF_BASE")
        self.maximum = settings.getfloat("GOV_REPORTS_BACKOFF_MAX")
        self.retry_after_max = settings.getfloat("GOV_REPORTS_RETRY_AFTER_MAX")
        self.codes = {int(c) for c in settings.getlist("GOV_REPORTS_BACKOFF_HTTP_CODES")}
        self.user_agent = settings.get("ROBOTSTXT_USER_AGENT") or settings.get("USER_AGENT")
        # A bound method of this middleware, which the crawler keeps: signal receivers are weak references.
        crawler.signals.connect(self.robots_parsed, signal=signals.robots_parsed)

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

    async def process_request(self, request: Request) -> None:
        host = request_host(request)
        # A pause may be extended while we sleep (another bad answer): look again after each sleep.
        while (left := self.pacer.pause_left(host)) > 0:
            await sleep(left)
        wait = self.pacer.book(host)
        if wait > 0:
            await sleep(wait)

    def process_response(self, request: Request, response: Response) -> Response:
        host = request_host(request)
        if response.status not in self.codes:
            if response.status < 400:
                self.pacer.recovered(host)
            return response
        retry_after = retry_after_seconds(response.headers.get(b"Retry-After"))
        at_least = min(retry_after or 0.0, self.retry_after_max)
        pause = self.pacer.back_off(host, self.base, self.maximum, at_least=at_least)
        stats = self.crawler.stats
        stats.inc_value(f"gov_reports/backoff/{host}")
        if retry_after is not None:
            stats.inc_value("gov_reports/retry_after_honoured")
        logger.info("HTTP %d from %s: pausing the host %.1f s", response.status, host, pause)
        return response
