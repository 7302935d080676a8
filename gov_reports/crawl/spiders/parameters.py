"""The spider's arguments and limits, each parsed once into a typed value."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from gov_reports.sources import load_registry, province_columns

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings


@dataclass(frozen=True)
class CrawlParameters:
    """The spider's arguments, validated (`-a start_urls=URL[,URL]` or keyword arguments).

    `-a province=黑龙江[,浙江] [-a sources=PATH]` adds the registry's columns (for scrapyd and `scrapy crawl`):
    their URLs, hosts and labels (issuer and level, for the summary).
    """

    start_urls: tuple[str, ...]
    extra_hosts: tuple[str, ...] = ()
    max_listing_pages: int = 2000
    source_labels: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_arguments(
        cls,
        start_urls: Any,
        hosts: Any = None,
        max_listing_pages: Any = None,
        *,
        province: Any = None,
        sources: Any = None,
    ) -> CrawlParameters:
        labels: dict[str, str] = {}
        if province:
            columns = province_columns(load_registry(sources), _as_list(province))
            start_urls = [*_as_list(start_urls), *columns.start_urls]
            hosts = [*_as_list(hosts), *columns.hosts]
            labels = columns.labels
        urls = _as_list(start_urls)
        if not urls:
            raise ValueError("annual_reports needs at least one start URL: -a start_urls=URL[,URL]")
        for url in urls:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise ValueError(f"not an http(s) URL: {url!r}")
        limit = int(max_listing_pages) if max_listing_pages else cls.max_listing_pages
        return cls(
            start_urls=tuple(urls),
            extra_hosts=tuple(h.lower() for h in _as_list(hosts)),
            max_listing_pages=limit,
            source_labels=labels,
        )

    @property
    def hosts(self) -> frozenset[str]:
        return frozenset({urlsplit(u).netloc.lower() for u in self.start_urls} | set(self.extra_hosts))


def _as_list(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    return [str(v).strip() for v in value if str(v).strip()]


@dataclass(frozen=True)
class CrawlLimits:
    """How far the spider follows listings and files, from the crawl's settings (read once, when it starts)."""

    per_source_listing_pages: int = 500  # GOV_REPORTS_MAX_LISTING_PAGES_PER_SOURCE; 0: no cap
    subcolumn_depth: int = 3  # GOV_REPORTS_SUBCOLUMN_DEPTH
    discovery_hops: int = 3  # GOV_REPORTS_DISCOVERY_HOPS
    follow_attachments: bool = True  # GOV_REPORTS_ATTACHMENTS_ENABLED

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> CrawlLimits:
        return cls(
            per_source_listing_pages=settings.getint("GOV_REPORTS_MAX_LISTING_PAGES_PER_SOURCE"),
            subcolumn_depth=settings.getint("GOV_REPORTS_SUBCOLUMN_DEPTH", 3),
            discovery_hops=settings.getint("GOV_REPORTS_DISCOVERY_HOPS", 3),
            follow_attachments=settings.getbool("GOV_REPORTS_ATTACHMENTS_ENABLED"),
        )
