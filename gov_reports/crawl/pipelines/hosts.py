"""The hosts a crawl vouches for, known once the spider is: what the extraction pipelines tell the trust checks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from scrapy import signals

from gov_reports.sources import registry_hosts

if TYPE_CHECKING:
    from collections.abc import Iterable

    from scrapy import Spider
    from scrapy.crawler import Crawler


def official_hosts(configured: Iterable[str], registry: str | None) -> frozenset[str]:
    """The crawl's configured hosts and the sources registry's (GOV_REPORTS_SOURCES: a path; "" turns it off)."""
    hosts = frozenset(configured or ())
    return hosts | (registry_hosts(registry or None) if registry != "" else frozenset())


class OfficialHosts:
    """`official_hosts` of the crawl's spider, filled in when the spider opens (its hosts are its parameters)."""

    def __init__(self, registry: str | None) -> None:
        self.registry = registry
        self.hosts: frozenset[str] = frozenset()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> OfficialHosts:
        hosts = cls(crawler.settings.get("GOV_REPORTS_SOURCES"))
        crawler.signals.connect(hosts.spider_opened, signal=signals.spider_opened)
        return hosts

    def spider_opened(self, spider: Spider, **_: Any) -> None:
        self.hosts = official_hosts(getattr(spider, "configured_hosts", ()), self.registry)
