"""Keep the crawl on exactly the hosts (host:port) it was pointed at.

Scrapy's OffsiteMiddleware works on domain names and lets subdomains through;
a government crawl must stay on exactly the hosts (host:port) it was pointed
at, redirects included (a hijacked link or a redirect to another host is how a
crawl ends up on a spam mirror).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy.utils.httpobj import urlparse_cached

from gov_reports.crawl.downloader.skips import RecordedSkip
from gov_reports.model.vocabulary import SkipReason, Stat

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)


def configured_hosts(crawler: Crawler) -> frozenset[str]:
    """The host:port whitelist of the crawler's spider (set once, in its __init__), empty if it has none.

    Scrapy 2.19 creates the spider before the engine, so downloader middlewares read it when they are built.
    """
    return frozenset(getattr(crawler.spider, "configured_hosts", None) or ())


class ConfiguredHostsMiddleware:
    """Refuse any request whose host:port is not one the spider was configured with."""

    def __init__(self, hosts: frozenset[str], stats: StatsCollector) -> None:
        self.hosts = hosts  # empty: a spider without a whitelist, nothing refused
        self.stats = stats
        self.logged: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        assert crawler.stats is not None
        return cls(configured_hosts(crawler), crawler.stats)

    def process_request(self, request: Request) -> None:
        if not self.hosts:
            return
        netloc = urlparse_cached(request).netloc.lower()
        if netloc in self.hosts:
            return
        self.stats.inc_value(Stat.SKIPPED_OFFSITE_HOST)
        if netloc not in self.logged:
            self.logged.add(netloc)
            logger.info("Not leaving the configured hosts: refused %s", request.url)
        raise RecordedSkip(SkipReason.OFFSITE_HOST, request.url)
