"""Item pipelines: extraction, validation, duplicate counting. No parsing logic here.

The spider yields `FetchedPage`s; `ReportExtractionPipeline` turns each into an
`AnnualReport` by calling the pure extractors, or drops it with the reason
counted in the stats (the crawl summary lists them). Deduplication itself
happens in the feed storage (gov_reports.model.dump_writer), where copies are merged.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from gov_reports.crawl.progress import count_for_source
from gov_reports.crawl.summary import REFUSED, SKIPPED, TRUST
from gov_reports.extract.page import NotAReport, PageSource, RefusedPage, extract_report
from gov_reports.model.record import AnnualReport, FetchedPage
from gov_reports.model.schema import record_validator
from gov_reports.sources import registry_hosts

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


def official_hosts(crawler: Crawler) -> frozenset[str]:
    """The crawl's configured hosts and the sources registry's (GOV_REPORTS_SOURCES: a path; "" turns it off)."""
    hosts = frozenset(getattr(crawler.spider, "configured_hosts", ()) or ())
    registry = crawler.settings.get("GOV_REPORTS_SOURCES")
    return hosts | (registry_hosts(registry or None) if registry != "" else frozenset())


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

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.hosts: frozenset[str] | None = None  # known once the spider is: see official_hosts

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, FetchedPage):
            return item
        if self.hosts is None:
            self.hosts = official_hosts(self.crawler)
        source = page_source(item, self.hosts)
        stats = self.crawler.stats
        try:
            record = extract_report(item.text, kind=item.kind, source=source)
        except NotAReport as error:
            # 「详见附件」: a page with no report text of its own whose files are followed is no loss.
            reason = "body_in_attachment" if error.reason == "empty_body" and item.attachment_links else error.reason
            # A candidate refused by its content (a look-alike) is counted apart from pages that could not be read.
            stats.inc_value((REFUSED if isinstance(error, RefusedPage) else SKIPPED) + reason)
            if item.source:
                count_for_source(stats, item.source, "refused")
            raise DropItem(f"Not a report ({reason}): {item.url}: {error.detail}", log_level="INFO") from error
        except Exception as error:  # a broken page must not stop the crawl
            stats.inc_value(SKIPPED + "extraction_error")
            logger.exception("Extraction failed on %s", item.url)
            raise DropItem(f"Extraction failed: {item.url}: {error!r}", log_level="ERROR") from error
        stats.inc_value("gov_reports/reports_extracted")
        stats.inc_value(TRUST + record.trust["verdict"])
        return record


class SchemaValidationPipeline:
    """Validate every record against the published JSON Schema; report failures, keep the record."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.validator = record_validator()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, AnnualReport):
            return item
        errors = sorted(self.validator.iter_errors(ItemAdapter(item).asdict()), key=lambda e: list(e.path))
        if errors:
            self.crawler.stats.inc_value("gov_reports/schema_invalid")
            for error in errors[:5]:
                where = "/".join(str(p) for p in error.path) or "(record)"
                logger.error("Schema violation in %s at %s: %s", item.key, where, error.message)
                item.flags.append(f"schema_invalid:{where}")
        return item


class DuplicateCountPipeline:
    """Count copies of reports already met in this crawl (they are merged by the feed storage)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.keys: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if isinstance(item, AnnualReport):
            if item.key in self.keys:
                self.crawler.stats.inc_value("gov_reports/duplicate_copies")
            else:
                self.keys.add(item.key)
                self.crawler.stats.inc_value("gov_reports/unique_reports")
        return item
