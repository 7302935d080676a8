"""FetchedPage -> AnnualReport: the one extraction of a page, or a drop with its reason counted.

The spider yields `FetchedPage`s; this pipeline turns each into an `AnnualReport` by calling the
pure extractors once. A record flagged `tables_as_images` carries the page's same-host image URLs
(`table_images`): the OCR step after it (gov_reports.crawl.pipelines.table_images) reads them, and
never extracts the page again.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy.exceptions import DropItem

from gov_reports.crawl.pipelines.hosts import OfficialHosts
from gov_reports.crawl.progress import count_for_source
from gov_reports.crawl.summary import REFUSED, SKIPPED, TRUST
from gov_reports.extract.attachment_links import table_images
from gov_reports.extract.page import NotAReport, Page, PageSource, RefusedPage, extract
from gov_reports.model.record import FetchedPage
from gov_reports.model.vocabulary import SkipReason, Stat

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)


def page_source(item: FetchedPage, hosts: frozenset[str]) -> PageSource:
    """What the extractors may know of a fetched page besides its content."""
    return PageSource(
        url=item.url,
        listing_title=item.listing_title,
        listing_date=item.listing_date,
        official=item.official,
        official_hosts=hosts,
        platform_published=item.listing_published,
        issuer_evidence=dict(item.listing_evidence),
    )


class ReportExtractionPipeline:
    """FetchedPage -> AnnualReport, or a counted, logged drop."""

    def __init__(self, stats: StatsCollector, hosts: OfficialHosts) -> None:
        self.stats = stats
        self.hosts = hosts

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler.stats, OfficialHosts.from_crawler(crawler))

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, FetchedPage):
            return item
        source = page_source(item, self.hosts.hosts)
        try:
            record = extract(Page(item.text, kind=item.kind, source=source))
        except NotAReport as error:
            # 「详见附件」: a page with no report text of its own whose files are followed is no loss.
            reason = (
                SkipReason.BODY_IN_ATTACHMENT
                if error.reason == SkipReason.EMPTY_BODY and item.attachment_links
                else error.reason
            )
            # A candidate refused by its content (a look-alike) is counted apart from pages that could not be read.
            self.stats.inc_value((REFUSED if isinstance(error, RefusedPage) else SKIPPED) + reason)
            if item.source:
                count_for_source(self.stats, item.source, "refused")
            raise DropItem(f"Not a report ({reason}): {item.url}: {error.detail}", log_level="INFO") from error
        except Exception as error:  # a broken page must not stop the crawl
            self.stats.inc_value(SKIPPED + SkipReason.EXTRACTION_ERROR)
            logger.exception("Extraction failed on %s", item.url)
            raise DropItem(f"Extraction failed: {item.url}: {error!r}", log_level="ERROR") from error
        if item.kind == "html":
            record.table_images = table_images(record.flags, item.image_urls)
        self.stats.inc_value(Stat.REPORTS_EXTRACTED)
        self.stats.inc_value(TRUST + record.trust["verdict"])
        return record
