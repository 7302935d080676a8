"""A live progress display for a crawl on a terminal (rich): sources done, reports, pages, errors, rate, ETA.

`gov-reports crawl` turns it on (GOV_REPORTS_PROGRESS_DISPLAY) when stderr is a terminal and `-q` was not
given; elsewhere (a log file, cron, CI) the plain periodic line of gov_reports.crawl.progress.CrawlProgress
says the same every GOV_REPORTS_PROGRESS_INTERVAL seconds.

A source is *done* when no request made for it is waiting or in flight any more: every request carries
its source (gov_reports.crawl.progress.SOURCE_META), counted when scheduled and again when it leaves the
downloader or is dropped. The ETA is the requests still waiting at the rate pages have been fetched.
"""

from __future__ import annotations

import time
from collections import Counter
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet.task import LoopingCall

from gov_reports.crawl.progress import SOURCE_META
from gov_reports.model.vocabulary import Stat

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector


def crawl_figures(stats: dict[str, Any], elapsed: float, pending: int) -> dict[str, Any]:
    """The numbers the display shows, from the crawl's stats (pure, so they are tested without a terminal)."""
    pages = int(stats.get("downloader/response_count", 0))
    errors = int(stats.get("downloader/exception_count", 0)) + sum(
        int(v)
        for k, v in stats.items()
        if k.startswith("downloader/response_status_count/") and k.rsplit("/", 1)[1][:1] in ("4", "5")
    )
    rate = pages / elapsed if elapsed > 0 else 0.0
    eta = pending / rate if rate > 0 and pending else None
    return {
        "reports": int(stats.get(Stat.REPORTS_EXTRACTED, 0)),
        "pages": pages,
        "errors": errors,
        "rate": rate,
        "eta": eta,
    }


def format_eta(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class ProgressDisplay:
    """Extension: the rich progress bar, refreshed every second while the spider runs."""

    def __init__(self, stats: StatsCollector) -> None:
        self.stats = stats
        self.outstanding: Counter[str] = Counter()
        self.seen: set[str] = set()
        self.total = 0
        self.started = time.monotonic()
        self.progress: Any = None
        self.task_id: Any = None
        self.loop: LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("GOV_REPORTS_PROGRESS_DISPLAY", False):
            raise NotConfigured  # no message: Scrapy would log one WARNING per crawl for a normal case
        assert crawler.stats is not None
        display = cls(crawler.stats)
        # Signal receivers are weak references: bound methods of this object, which the crawler keeps.
        crawler.signals.connect(display.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(display.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(display.request_scheduled, signal=signals.request_scheduled)
        crawler.signals.connect(display.request_done, signal=signals.request_left_downloader)
        crawler.signals.connect(display.request_done, signal=signals.request_dropped)
        return display

    def spider_opened(self, spider: Spider) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn

        self.total = len(getattr(spider, "start_urls", ()) or ())
        self.started = time.monotonic()
        self.progress = Progress(
            TextColumn("sources {task.completed}/{task.total}"),
            BarColumn(),
            TextColumn(
                "{task.fields[reports]} reports · {task.fields[pages]} pages · {task.fields[errors]} errors · "
                "{task.fields[rate]:.1f} pages/s · ETA {task.fields[eta]}"
            ),
            console=Console(stderr=True),
            transient=False,
        )
        self.task_id = self.progress.add_task(
            "crawl", total=self.total or None, reports=0, pages=0, errors=0, rate=0.0, eta="–"
        )
        self.progress.start()
        self.loop = LoopingCall(self.refresh)
        self.loop.start(1.0, now=True)

    def _source(self, request: Request) -> str | None:
        return request.meta.get(SOURCE_META)

    def request_scheduled(self, request: Request, spider: Spider) -> None:
        source = self._source(request)
        if source:
            self.outstanding[source] += 1
            self.seen.add(source)

    def request_done(self, request: Request, spider: Spider) -> None:
        source = self._source(request)
        if source and self.outstanding[source] > 0:
            self.outstanding[source] -= 1

    def done_sources(self) -> int:
        return sum(1 for source in self.seen if self.outstanding[source] == 0)

    def refresh(self) -> None:
        if self.progress is None:
            return
        figures = crawl_figures(self.stats.get_stats(), time.monotonic() - self.started, sum(self.outstanding.values()))
        self.progress.update(
            self.task_id,
            completed=self.done_sources(),
            reports=figures["reports"],
            pages=figures["pages"],
            errors=figures["errors"],
            rate=figures["rate"],
            eta=format_eta(figures["eta"]),
        )

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        self.refresh()
        if self.progress is not None:
            self.progress.stop()
            self.progress = None
