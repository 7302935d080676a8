"""Per-source progress of a crawl: a periodic progress line and the sources that yielded nothing.

Every request the spider makes carries the column (source) it came from in
`request.meta["gov_reports_source"]`. Counts per source live in the crawl stats
(so they travel wherever stats go) under `gov_reports/source/<count>/<column URL>`:
`listing_pages`, `report_links` (links titled like a report), `out_of_years`, `reports` (records scraped),
`unchanged` (reports revalidated with 304), `candidates` (the other links fetched to be
decided by their content: extract.recognition), `refused` (fetched pages refused as not reports),
`adapter` (the portal adapters that read its pages) and `failed` (the first
listing failure's reason, e.g. http_404). A source with neither reports nor unchanged
reports is a finding — a dead or moved column — and the summary names it with why.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet.task import LoopingCall

from gov_reports.model.vocabulary import StatPrefix

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)
SOURCE_META = "gov_reports_source"
SOURCE_STATS = StatPrefix.SOURCE
COUNTS = (
    "listing_pages",
    "report_links",
    "candidates",
    "out_of_years",
    "reports",
    "unchanged",
    "refused",
    "hub_pages",
)


def count_for_source(stats: StatsCollector, source: str, count: str, by: int = 1) -> None:
    stats.inc_value(f"{SOURCE_STATS}{count}/{source}", by)


def note_source_adapter(stats: StatsCollector, source: str, adapter: str) -> None:
    """Which portal adapters read a source's pages (a hub found by the generic rules can lead to gkmlpt)."""
    key = f"{SOURCE_STATS}adapter/{source}"
    names = set(filter(None, str(stats.get_value(key) or "").split(",")))
    if adapter not in names:
        stats.set_value(key, ",".join(sorted(names | {adapter})))


def note_source_column(stats: StatsCollector, source: str, column: str) -> None:
    """The 年报 column a source's reports were found under (the start URL itself, or the one discovery found)."""
    key = f"{SOURCE_STATS}column/{source}"
    columns = list(filter(None, str(stats.get_value(key) or "").split(" ")))
    if column not in columns and len(columns) < 3:
        stats.set_value(key, " ".join([*columns, column]))


def record_source_failure(stats: StatsCollector, source: str, reason: str) -> None:
    """Keep the first listing failure of a source (later ones are usually the same)."""
    key = f"{SOURCE_STATS}failed/{source}"
    if stats.get_value(key) is None:
        stats.set_value(key, reason)


@dataclass
class SourceProgress:
    """What one source (column) has given so far."""

    url: str
    listing_pages: int = 0
    report_links: int = 0
    out_of_years: int = 0
    reports: int = 0
    unchanged: int = 0
    candidates: int = 0
    refused: int = 0
    hub_pages: int = 0
    failed: str | None = None
    label: str | None = None
    adapter: str | None = None
    column: str | None = None

    @property
    def yielded(self) -> bool:
        return bool(self.reports or self.unchanged)

    @property
    def why_nothing(self) -> str:
        """Why a source yielded nothing, from what was seen of it."""
        if self.failed and not self.listing_pages:
            return f"column unreachable ({self.failed})"
        if not self.listing_pages:
            return "column never fetched"
        links = self.report_links + self.candidates  # titled like a report, or other candidates
        if not links:
            if self.hub_pages and not self.column:
                return f"no 年报 column found from the start page ({self.hub_pages} hub pages read)"
            return "no report links on the column"
        if self.out_of_years == links:
            return f"no report links in the years asked ({links} outside)"
        return f"{links} report link(s), none gave a report (see skipped and refused)"


def sources_from_stats(stats: Mapping[str, Any]) -> dict[str, SourceProgress]:
    sources: dict[str, SourceProgress] = {}
    for key, value in stats.items():
        if not key.startswith(SOURCE_STATS):
            continue
        count, _, url = key[len(SOURCE_STATS) :].partition("/")
        if not url:
            continue
        source = sources.setdefault(url, SourceProgress(url))
        if count in COUNTS:
            setattr(source, count, int(value))
        elif count in ("failed", "label", "adapter", "column"):
            setattr(source, count, str(value))
    return dict(sorted(sources.items()))


def format_sources(stats: Mapping[str, Any]) -> list[str]:
    """Summary lines: how many sources, and each source that yielded nothing, with why."""
    sources = sources_from_stats(stats)
    if not sources:
        return []
    silent = [s for s in sources.values() if not s.yielded]
    with_reports = len(sources) - len(silent)
    lines = [f"  sources:             {len(sources)} ({with_reports} with reports, {len(silent)} without)"]
    for source in sources.values():
        lines.append(f"    column {source.url}: {column_line(source)}")
    for source in silent:
        name = f"{source.label} " if source.label else ""
        lines.append(f"    yielded nothing: {name}{source.url}: {source.why_nothing}")
    return lines


def column_line(source: SourceProgress) -> str:
    """What one column gave: the adapters that read it and its counts (README: "The crawl summary")."""
    found = f"; column found: {source.column}" if source.column and source.column != source.url else ""
    return (
        f"adapter {source.adapter or 'none'}{found}; {source.listing_pages} list pages, "
        f"{source.report_links + source.candidates} candidates, {source.reports} reports"
        f"{f', {source.unchanged} unchanged' if source.unchanged else ''}, {source.refused} refused"
    )


def progress_line(stats: Mapping[str, Any]) -> str:
    sources = sources_from_stats(stats).values()
    return (
        f"Progress: {sum(s.yielded for s in sources)}/{len(sources)} sources with reports, "
        f"{sum(bool(s.failed) for s in sources)} failing; "
        f"{sum(s.listing_pages for s in sources)} listing pages, {sum(s.report_links for s in sources)} report links, "
        f"{sum(s.reports for s in sources)} reports, {sum(s.unchanged for s in sources)} unchanged"
    )


class CrawlProgress:
    """Count records per source and log a progress line every GOV_REPORTS_PROGRESS_INTERVAL seconds.

    `GOV_REPORTS_SOURCE_LABELS` ({column URL: label}) names sources in the summary
    (the CLI fills it from the registry: issuer and level).
    """

    def __init__(self, stats: StatsCollector, *, interval: float, labels: Mapping[str, str]) -> None:
        self.stats = stats
        self.interval = interval
        self.labels: dict[str, str] = dict(labels)
        self.task: LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if not settings.getbool("GOV_REPORTS_PROGRESS_ENABLED", True):
            raise NotConfigured
        assert crawler.stats is not None
        extension = cls(
            crawler.stats,
            interval=settings.getfloat("GOV_REPORTS_PROGRESS_INTERVAL", 30.0),
            labels=settings.getdict("GOV_REPORTS_SOURCE_LABELS"),
        )
        # Signal receivers are weak references: bound methods of this object, which the crawler keeps.
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(extension.item_scraped, signal=signals.item_scraped)
        return extension

    def spider_opened(self, spider: Spider) -> None:
        self.labels.update(getattr(spider, "source_labels", None) or {})
        for url, label in self.labels.items():
            self.stats.set_value(f"{SOURCE_STATS}label/{url}", label)
        if self.interval > 0:
            self.task = LoopingCall(self.log_progress)
            self.task.start(self.interval, now=False)

    def log_progress(self) -> None:
        logger.info(progress_line(self.stats.get_stats()))

    def item_scraped(self, item: Any, response: Response, spider: Spider) -> None:
        source = response.meta.get(SOURCE_META) if response is not None else None
        if source:
            count_for_source(self.stats, source, "reports")

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()
        self.log_progress()
