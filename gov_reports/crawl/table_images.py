"""Tables pasted as images: OCR them, and keep the numbers only when the 勾稽关系 hold.

A report page whose statistics tables are pictures is flagged
`tables_as_images` by the extractor (images in the body, the table headings,
no table text). This pipeline runs before `ReportExtractionPipeline` on pages
that have same-host images: it extracts the record itself
(the same `extract_report` call), and for a flagged record downloads the
images (through the downloader middlewares: robots.txt, configured hosts),
OCRs them with Tesseract off the reactor thread, and

- takes the statistics when every check of table 三 (and 四) passes:
  flag `stats_from_ocr`;
- otherwise presents no number: flag `ocr_unverified`.

Every other page goes on untouched to `ReportExtractionPipeline`. Needs the
`tesseract` binary with `chi_sim` and `eng` (.ci/packages/ocr.txt); without it the
pipeline is not configured and the flag `tables_as_images` stays as the only
trace.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy.exceptions import NotConfigured
from scrapy.http import Request
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

from gov_reports.crawl.pipelines import official_hosts, page_source
from gov_reports.crawl.summary import TRUST
from gov_reports.extract.documents.ocr import OCR_LANG, ocr_available, verified_statistics
from gov_reports.extract.page import NotAReport, content_hash, extract_report
from gov_reports.model.merge import is_table_flag
from gov_reports.model.record import AnnualReport, FetchedPage

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)
MAX_IMAGES = 12


class TableImagesPipeline:
    """FetchedPage with image tables -> AnnualReport with verified OCR numbers (or `ocr_unverified`)."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        if not settings.getbool("GOV_REPORTS_OCR_ENABLED"):
            raise NotConfigured("GOV_REPORTS_OCR_ENABLED is off")
        self.lang = settings.get("GOV_REPORTS_OCR_LANG", OCR_LANG)
        if not ocr_available(self.lang):
            raise NotConfigured(f"tesseract with {self.lang} is not installed: image tables are only flagged")
        self.crawler = crawler
        self.max_bytes = settings.getint("GOV_REPORTS_ATTACHMENT_MAXSIZE")
        self.max_pixels = settings.getint("GOV_REPORTS_OCR_MAX_PIXELS")
        self.hosts: frozenset[str] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, FetchedPage) or item.kind != "html" or not item.image_urls:
            return item
        if self.hosts is None:
            self.hosts = official_hosts(self.crawler)
        source = page_source(item, self.hosts)
        try:
            record = extract_report(item.text, kind="html", source=source)
        except NotAReport:
            return item  # ReportExtractionPipeline counts the reason
        except Exception:
            return item
        self.crawler.stats.inc_value("gov_reports/reports_extracted")
        self.crawler.stats.inc_value(TRUST + record.trust["verdict"])
        if "tables_as_images" in record.flags:
            await self._ocr(record, item.image_urls[:MAX_IMAGES])
        return record

    async def _ocr(self, record: AnnualReport, urls: list[str]) -> None:
        stats = self.crawler.stats
        images = []
        for url in urls:
            request = Request(url, meta={"download_maxsize": self.max_bytes, "role": "table_image"})
            try:
                response = await self.crawler.engine.download_async(request)
            except Exception as error:
                logger.info("Table image not downloaded: %s: %r", url, error)
                continue
            if response.status == 200 and response.body:
                images.append(response.body)
        try:
            result = await maybe_deferred_to_future(
                deferToThread(verified_statistics, images, year=record.year, lang=self.lang, max_pixels=self.max_pixels)
            )
        except Exception as error:  # tesseract failing on a strange image is not a crawl error
            logger.info("OCR failed on %s: %r", record.url, error)
            result = None
        if result is None or not result.verified:
            stats.inc_value("gov_reports/ocr/unverified")
            logger.info("OCR numbers of %s not presented: %s", record.url, result.reason if result else "OCR failed")
            record.flags.append("ocr_unverified")
            return
        stats.inc_value("gov_reports/ocr/verified")
        record.stats, record.summary, record.checks = result.stats, result.summary, result.checks
        record.flags = [f for f in record.flags if not is_table_flag(f)] + ["stats_from_ocr"]
        record.content_sha1 = content_hash(record)
