"""Downloader middleware: pages decoded with the wrong charset are re-read, or skipped as `undecodable`.

The decision is gov_reports.extract.encoding.repair_decoding (pure); this
only applies it to HTML answers before the spider reads them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.http import HtmlResponse
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding

from gov_reports.crawl.downloader.skips import skip_request
from gov_reports.extract.encoding import Undecodable, repair_decoding
from gov_reports.model.vocabulary import SkipReason, StatPrefix

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.statscollectors import StatsCollector


class EncodingRepairMiddleware:
    def __init__(self, stats: StatsCollector | None) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler.stats)

    def process_response(self, request: Request, response: Response) -> Response:
        # Error pages are recorded by their status (report_http_404…), whatever their charset.
        if not isinstance(response, HtmlResponse) or not response.body or not 200 <= response.status < 300:
            return response
        header = http_content_type_encoding((response.headers.get(b"Content-Type") or b"").decode("latin-1"))
        declared = (header, html_body_declared_encoding(response.body))
        try:
            decoded = repair_decoding(response.body, response.text, declared)
        except Undecodable:
            raise skip_request(self.stats, SkipReason.UNDECODABLE, request.url) from None
        if decoded is None:
            return response
        if self.stats is not None:
            self.stats.inc_value(f"{StatPrefix.ENCODING_REPAIRED}{decoded.repair}")
        if decoded.repair == "charset":
            return response.replace(encoding=decoded.encoding)
        return response.replace(body=decoded.text.encode("utf-8"), encoding="utf-8")
