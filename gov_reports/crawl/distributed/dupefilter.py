"""Request deduplication shared by every worker: Scrapy's fingerprints in one Redis set."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy.dupefilters import BaseDupeFilter

from gov_reports.crawl.distributed import key_prefix, redis_client

if TYPE_CHECKING:
    from typing import Self

    import redis
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector
    from scrapy.utils.request import RequestFingerprinterProtocol

logger = logging.getLogger(__name__)


class RedisDupeFilter(BaseDupeFilter):
    """DUPEFILTER_CLASS for distributed crawls.

    The fingerprint is the crawler's own (REQUEST_FINGERPRINTER_CLASS), exactly what
    Scrapy's RFPDupeFilter uses, so a request is "seen" on the same terms in one process
    or in many. SADD is atomic: when two workers find the same link, one of them wins.
    The set is left in place on close; `RedisScheduler` removes it when the whole
    crawl (not just this worker) is finished.
    """

    def __init__(
        self,
        server: redis.Redis,
        key: str,
        fingerprinter: RequestFingerprinterProtocol,
        stats: StatsCollector | None = None,
        *,
        debug: bool = False,
    ) -> None:
        self.server = server
        self.key = key
        self.fingerprinter = fingerprinter
        self.stats = stats
        self.debug = debug
        self.logged_once = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        assert crawler.request_fingerprinter is not None
        return cls(
            redis_client(settings),
            f"{key_prefix(settings)}:{crawler.spidercls.name}:seen",
            crawler.request_fingerprinter,
            crawler.stats,
            debug=settings.getbool("DUPEFILTER_DEBUG"),
        )

    def fingerprint(self, request: Request) -> str:
        return self.fingerprinter.fingerprint(request).hex()

    def request_seen(self, request: Request) -> bool:
        return self.server.sadd(self.key, self.fingerprint(request)) == 0

    def clear(self) -> None:
        self.server.delete(self.key)

    def log(self, request: Request, spider: Spider) -> None:
        if self.debug or not self.logged_once:
            note = "" if self.debug else " - no more duplicates will be shown (see DUPEFILTER_DEBUG)"
            logger.debug("Filtered duplicate request: %s%s", request, note)
            self.logged_once = True
        if self.stats is not None:
            self.stats.inc_value("dupefilter/filtered")
