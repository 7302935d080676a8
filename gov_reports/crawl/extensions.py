"""Crawl-level extensions."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from scrapy import signals

from gov_reports.crawl.summary import format_summary
from gov_reports.model.crawl_log import append_crawl

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)


class CrawlSummary:
    """Log the crawl summary once the engine has stopped (after the dump is merged)."""

    def __init__(self, stats: StatsCollector, *, log: bool, crawl_log: Path | None) -> None:
        self.stats = stats
        self.text = ""
        # `gov-reports crawl` prints the summary itself; `scrapy crawl` relies on this log line.
        self.log = log
        self.crawl_log = crawl_log

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        assert crawler.stats is not None
        crawl_log = crawler.settings.get("GOV_REPORTS_CRAWL_LOG")
        extension = cls(
            crawler.stats,
            log=crawler.settings.getbool("GOV_REPORTS_SUMMARY_LOG", True),
            crawl_log=Path(crawl_log) if crawl_log else None,
        )
        # Signal receivers are weak references: connect a bound method of an object the crawler keeps.
        crawler.signals.connect(extension.engine_stopped, signal=signals.engine_stopped)
        return extension

    def engine_stopped(self) -> None:
        self.text = format_summary(self.stats.get_stats())
        if self.log:
            logger.info("\n%s", self.text)
        crawl_log = self.crawl_log
        if crawl_log:
            try:
                append_crawl(crawl_log, self.stats.get_stats())
            except OSError as error:  # the dump is written; a log that cannot be is worth a warning, not a failure
                logger.warning("Could not append to the crawl log %s: %s", crawl_log, error)
