"""Stop redirect loops: a request redirected back to a URL it already went through is skipped as `redirect_loop`."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from w3lib.url import safe_url_string

from gov_reports.crawl.downloader.skips import skip_request
from gov_reports.model.vocabulary import SkipReason

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)


class RedirectLoopMiddleware:
    """Record a redirect back to a URL already in the chain as the skip `redirect_loop`.

    Scrapy's RedirectMiddleware would schedule the repeat, which the duplicate
    filter then drops without any trace; this runs just before it (order above
    600) and records the loop instead.
    """

    def __init__(self, stats: StatsCollector | None) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler.stats)

    def process_response(self, request: Request, response: Response) -> Response:
        location = response.headers.get(b"Location")
        if response.status not in (301, 302, 303, 307, 308) or not location:
            return response
        target = urljoin(request.url, safe_url_string(location.decode("latin-1"))).partition("#")[0]
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if target in {url.partition("#")[0] for url in chain}:
            raise skip_request(self.stats, SkipReason.REDIRECT_LOOP, chain[0])
        return response
