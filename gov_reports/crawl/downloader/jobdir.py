"""Resume after `kill -9`: nothing lost, nothing fetched twice that was already collected.

Scrapy writes a JOBDIR's request queue and seen-set consistently only when
the crawl closes; after a hard kill they are out of step (the seen-set is a
buffered file, and requests popped from the queue for the downloader are
gone from it). Resuming from them can silently drop the reports that were in
flight: seen, but never collected. So:

* while a crawl runs, JOBDIR holds a marker file, removed once the engine has
  stopped cleanly (after the dump is merged);
* a crawl that finds the marker knows the previous one died: it discards
  Scrapy's queue and seen-set and starts again from the start URLs, keeping the
  records already collected (gov_reports.crawl.feeds keeps them in JOBDIR, flushed
  line by line);
* report pages whose records were collected are not fetched again
  (`gov_reports/resume/already_collected`); listings are, to rediscover the rest.

A clean interruption (one Ctrl-C) leaves no marker, and Scrapy's own resume applies.
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.job import job_dir

from gov_reports.crawl.downloader.skips import RecordedSkip
from gov_reports.model.vocabulary import SkipReason, Stat

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)
RUNNING_MARKER = "gov-reports.running"
PENDING_GLOB = "feed-pending-*.jsonl"  # gov_reports.crawl.feeds.MergingFileFeedStorage._pending_path
SCRAPY_STATE = ("requests.queue", "requests.seen")


def collected_urls(jobdir: Path) -> set[str]:
    """URLs of the records already collected in JOBDIR's pending dumps (torn lines ignored)."""
    urls: set[str] = set()
    for pending in jobdir.glob(PENDING_GLOB):
        for raw in pending.read_bytes().splitlines():
            try:
                record = json.loads(raw)
            except ValueError:
                continue
            if isinstance(record, dict):
                urls.update(u for u in [record.get("url"), *(record.get("urls") or [])] if isinstance(u, str))
    return urls


def reset_after_hard_kill(jobdir: Path) -> bool:
    """Discard Scrapy's queue and seen-set if the previous crawl in `jobdir` died; True if it did."""
    if not (jobdir / RUNNING_MARKER).exists():
        return False
    for name in SCRAPY_STATE:
        path = jobdir / name
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
    return True


class JobDirResumeMiddleware:
    """Downloader middleware (built before the scheduler opens JOBDIR) implementing the module's policy."""

    def __init__(self, jobdir: Path, stats: StatsCollector) -> None:
        self.stats = stats
        self.jobdir = jobdir
        self.jobdir.mkdir(parents=True, exist_ok=True)
        self.collected: set[str] = set()
        if reset_after_hard_kill(self.jobdir):
            self.collected = collected_urls(self.jobdir)
            stats.set_value(Stat.RESUME_AFTER_HARD_KILL, 1)
            logger.warning(
                "%s: the previous crawl was killed; starting again from the start URLs, keeping its %d record URL(s)",
                self.jobdir,
                len(self.collected),
            )
        (self.jobdir / RUNNING_MARKER).touch()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        directory = job_dir(crawler.settings)
        if not directory:
            raise NotConfigured
        assert crawler.stats is not None
        middleware = cls(Path(directory), crawler.stats)
        # Bound method of an object the crawler keeps: signal receivers are weak references.
        crawler.signals.connect(middleware.engine_stopped, signal=signals.engine_stopped)
        return middleware

    def process_request(self, request: Request) -> None:
        if request.meta.get("role") == "report" and request.url in self.collected:
            self.stats.inc_value(Stat.RESUME_ALREADY_COLLECTED)
            raise RecordedSkip(SkipReason.ALREADY_COLLECTED, request.url)

    def engine_stopped(self) -> None:
        (self.jobdir / RUNNING_MARKER).unlink(missing_ok=True)
