"""FetchedDocument -> AnnualReport: a report file read off the reactor thread, or a counted skip.

pdfplumber, python-docx, LibreOffice/antiword take 50 ms to seconds, so the file is read in a
thread, through the same path as pages (`gov_reports.extract.documents.record`). The page and its
file yield records with the same key; `gov_reports.model.merge` joins them. A bad file (corrupt,
encrypted, truncated, HTML served as .pdf, a zip bomb, too large) is a counted skip
`attachment_<reason>`; the page's own record is a separate item and is never affected.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, NoReturn

from scrapy.exceptions import DropItem, NotConfigured
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

from gov_reports.crawl.pipelines.hosts import OfficialHosts
from gov_reports.crawl.summary import REFUSED, SKIPPED, TRUST
from gov_reports.extract.documents import UnreadableDocument
from gov_reports.extract.documents.record import document_report
from gov_reports.extract.page import NotAReport, PageSource, RefusedPage
from gov_reports.model.record import AnnualReport, FetchedDocument
from gov_reports.model.vocabulary import SkipReason, Stat, StatPrefix

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)


def document_limits(settings: BaseSettings) -> dict[str, int]:
    """The document readers' memory bounds from the settings (`document_report`'s `limits`)."""
    return {
        "max_xml_bytes": settings.getint("GOV_REPORTS_DOCUMENT_XML_MAXSIZE"),
        "max_pdf_pages": settings.getint("GOV_REPORTS_PDF_MAX_PAGES"),
        "ocr_max_pixels": settings.getint("GOV_REPORTS_OCR_MAX_PIXELS"),
    }


class AttachmentExtractionPipeline:
    """FetchedDocument -> AnnualReport (read in a thread), or a counted skip `attachment_<reason>`."""

    def __init__(
        self, stats: StatsCollector, hosts: OfficialHosts, *, max_bytes: int, limits: dict[str, int], ocr: bool = True
    ) -> None:
        self.stats = stats
        self.hosts = hosts
        self.max_bytes = max_bytes
        self.limits = limits
        self.ocr = ocr
        # page URL -> key of the record extracted from it (records pass through this pipeline too)
        self.page_keys: dict[str, str] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if not settings.getbool("GOV_REPORTS_ATTACHMENTS_ENABLED"):
            raise NotConfigured("GOV_REPORTS_ATTACHMENTS_ENABLED is off")
        return cls(
            crawler.stats,
            OfficialHosts.from_crawler(crawler),
            max_bytes=settings.getint("GOV_REPORTS_ATTACHMENT_MAXSIZE"),
            limits=document_limits(settings),
            ocr=settings.getbool("GOV_REPORTS_OCR_ENABLED"),
        )

    async def process_item(self, item: Any) -> Any:
        if isinstance(item, AnnualReport):
            self.page_keys[item.url] = item.key
            return item
        if not isinstance(item, FetchedDocument):
            return item
        if item.truncated:
            self._skip(SkipReason.TRUNCATED, item, "fewer bytes than announced")
        source = PageSource(
            url=item.url,
            listing_title=item.parent_title,
            listing_date=item.listing_date,
            official=item.official,
            official_hosts=self.hosts.hosts,
        )
        try:
            record, document = await maybe_deferred_to_future(
                deferToThread(
                    document_report,
                    item.body,
                    url=item.url,
                    name=item.name,
                    content_type=item.content_type,
                    source=source,
                    max_bytes=self.max_bytes,
                    limits=self.limits,
                    ocr=self.ocr,
                )
            )
        except UnreadableDocument as error:
            self._skip(error.reason, item, error.detail)
        except RefusedPage as error:  # a file that is a look-alike (a 部门决算 linked from a 年报 column)
            self.stats.inc_value(REFUSED + error.reason)
            raise DropItem(
                f"Attachment refused ({error.reason}): {item.url}: {error.detail}", log_level="INFO"
            ) from error
        except NotAReport as error:
            self._skip(error.reason, item, error.detail)
        except Exception as error:  # a reader bug must not stop the crawl
            logger.exception("Attachment extraction failed on %s", item.url)
            self._skip(SkipReason.EXTRACTION_ERROR, item, repr(error))
        if item.parent_url and self.page_keys.get(item.parent_url, record.key) == record.key:
            # The page is where the file was published (a 「详见附件」 page that is no record by
            # itself, or the same report's page): the record lists it.
            record.urls = sorted({*record.urls, item.parent_url})
        stats = self.stats
        stats.inc_value(Stat.ATTACHMENTS_READ)
        stats.inc_value(f"{StatPrefix.ATTACHMENTS_READ_BY_KIND}{document.kind}")
        stats.inc_value(Stat.REPORTS_EXTRACTED)
        stats.inc_value(TRUST + record.trust["verdict"])
        return record

    def _skip(self, reason: str, item: FetchedDocument, detail: str) -> NoReturn:
        self.stats.inc_value(f"{SKIPPED}attachment_{reason}")
        raise AttachmentSkipped(
            reason,
            f"Attachment skipped ({reason}): {item.url} (linked from {item.parent_url or 'a listing'}): {detail}",
        )


class AttachmentSkipped(DropItem):
    """A file that gave no record; `reason` (converter_missing, truncated…) tells the seen-store whether a
    later crawl should try it again (gov_reports.crawl.downloader.incremental.RETRYABLE_READ_REASONS)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message, log_level="INFO")
        self.reason = reason
