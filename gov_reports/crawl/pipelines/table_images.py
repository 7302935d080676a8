"""Tables pasted as images: the OCR follow-up on records flagged `tables_as_images`.

A report page whose statistics tables are pictures is flagged `tables_as_images` by the extractor
(images in the body, the table headings, no table text), and `ReportExtractionPipeline` puts the
page's same-host image URLs on the record (`table_images`). This step runs after it, on those
records only: it downloads the images at once (through the downloader middlewares: robots.txt, configured
hosts), OCRs them with Tesseract off the reactor thread, and keeps the numbers only when the 勾稽关系
hold (gov_reports.extract.documents.ocr.adopt_ocr: `stats_from_ocr`, else `ocr_unverified`). The
page is never extracted again. Needs the `tesseract` binary with `chi_sim` and `eng`
(.ci/packages/ocr.txt); without it the step is not configured and the flag stays as the only trace.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy.exceptions import NotConfigured
from scrapy.http import Request
from scrapy.utils.defer import deferred_from_coro, maybe_deferred_to_future
from twisted.internet.defer import DeferredList
from twisted.internet.threads import deferToThread

from gov_reports.extract.documents.ocr import OCR_LANG, adopt_ocr, ocr_available, verified_statistics
from gov_reports.extract.page import content_hash
from gov_reports.model.record import AnnualReport
from gov_reports.model.vocabulary import Flag, Stat

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable
    from typing import Self

    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.statscollectors import StatsCollector

    Download = Callable[[Request], Awaitable[Response]]

logger = logging.getLogger(__name__)


def engine_download(crawler: Crawler) -> Download:
    """The engine's download, looked up when called: Scrapy 2.19 builds the item pipelines inside the
    engine's constructor, before `crawler.engine` is set, and has no public hook for it earlier."""

    async def download(request: Request) -> Response:
        assert crawler.engine is not None
        return await crawler.engine.download_async(request)

    return download


class TableImagesPipeline:
    """AnnualReport flagged `tables_as_images` -> verified OCR numbers (or `ocr_unverified`)."""

    def __init__(
        self, stats: StatsCollector, download: Download, *, lang: str, max_bytes: int, max_pixels: int
    ) -> None:
        if not ocr_available(lang):
            raise NotConfigured(f"tesseract with {lang} is not installed: image tables are only flagged")
        self.stats = stats
        self.download = download
        self.lang = lang
        self.max_bytes = max_bytes
        self.max_pixels = max_pixels

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if not settings.getbool("GOV_REPORTS_OCR_ENABLED"):
            raise NotConfigured("GOV_REPORTS_OCR_ENABLED is off")
        return cls(
            crawler.stats,
            engine_download(crawler),
            lang=settings.get("GOV_REPORTS_OCR_LANG", OCR_LANG),
            max_bytes=settings.getint("GOV_REPORTS_ATTACHMENT_MAXSIZE"),
            max_pixels=settings.getint("GOV_REPORTS_OCR_MAX_PIXELS"),
        )

    async def process_item(self, item: Any) -> Any:
        if isinstance(item, AnnualReport) and item.table_images and Flag.TABLES_AS_IMAGES in item.flags:
            await self._ocr(item)
        return item

    async def _image(self, url: str) -> bytes | None:
        request = Request(url, meta={"download_maxsize": self.max_bytes, "role": "table_image"})
        try:
            response = await self.download(request)
        except Exception as error:
            logger.info("Table image not downloaded: %s: %r", url, error)
            return None
        return response.body if response.status == 200 and response.body else None

    async def _ocr(self, record: AnnualReport) -> None:
        # All of a page's images are requested at once (the downloader's per-host limits still pace
        # them), not one after the other; the results keep the page's order.
        fetches = DeferredList([deferred_from_coro(self._image(url)) for url in record.table_images])
        images = [body for _, body in await maybe_deferred_to_future(fetches) if body]
        try:
            result = await maybe_deferred_to_future(
                deferToThread(verified_statistics, images, year=record.year, lang=self.lang, max_pixels=self.max_pixels)
            )
        except Exception as error:  # tesseract failing on a strange image is not a crawl error
            logger.info("OCR failed on %s: %r", record.url, error)
            result = None
        if not adopt_ocr(record, result):
            self.stats.inc_value(Stat.OCR_UNVERIFIED)
            logger.info("OCR numbers of %s not presented: %s", record.url, result.reason if result else "OCR failed")
            return
        self.stats.inc_value(Stat.OCR_VERIFIED)
        record.content_sha1 = content_hash(record)
