"""The one generic spider: start from 年报 columns, follow their lists, fetch every report.

It only decides what to fetch. Listing pages are read by `gov_reports.crawl.portals`
(Hanweb, TRS, generic); report candidates are picked broadly by
`extract.recognition.link_verdict` (§9 traps refused by title), and the report
pages are handed on as `FetchedPage` items for the pipelines to extract and to
decide on by their content. It never leaves the hosts of its start URLs.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any
from urllib.parse import urldefrag, urlsplit

import scrapy
from scrapy.exceptions import ScrapyDeprecationWarning
from scrapy.http import FormRequest, Request, Response, TextResponse
from twisted.python.failure import Failure

from gov_reports.crawl.attachments import attachment_links, attachment_request, fetched_document, file_type, image_links
from gov_reports.crawl.downloader.incremental import NOT_MODIFIED_META
from gov_reports.crawl.downloader.skips import RecordedSkip
from gov_reports.crawl.portals import parse_listing
from gov_reports.crawl.portals.base import ListingLink, PageRequest
from gov_reports.crawl.portals.discovery import discover, is_column_name
from gov_reports.crawl.portals.subcolumns import looks_like_annual_column
from gov_reports.crawl.progress import (
    SOURCE_META,
    count_for_source,
    note_source_adapter,
    note_source_column,
    record_source_failure,
)
from gov_reports.crawl.spiders.failures import failure_reason
from gov_reports.crawl.spiders.parameters import CrawlLimits, CrawlParameters
from gov_reports.crawl.summary import SKIPPED
from gov_reports.extract.recognition import is_annual_column_page, is_article_url, link_verdict
from gov_reports.extract.titles import is_report_title, year_from_title
from gov_reports.model.record import FetchedDocument, FetchedPage
from gov_reports.model.vocabulary import SkipReason, Stat, StatPrefix
from gov_reports.model.years import YearRange

logger = logging.getLogger(__name__)
# How many hub pages (政务公开 → 政府信息公开 → …) deep a request is, while looking for a 年报 column.
DISCOVERY_HOPS_META = "discovery_hops"
START_META = "start_page"
# A listing reached as a 年报 column (a discovered column, a page or sub-column of one): there bare years
# (「2021年」) and file links are report candidates too (extract.recognition.link_verdict).
ANNUAL_CONTEXT_META = "in_annual_column"
# The portal adapter that asked for a page, and its state: the answer goes back to it (gov_reports.crawl.portals).
ADAPTER_META = "portal_adapter"
ADAPTER_STATE_META = "portal_state"
# How many sub-columns (per year, level, department) below the 年报 column a list page is, and that column's URL.
SUBCOLUMN_DEPTH_META = "subcolumn_depth"
COLUMN_META = "annual_column"


def listing_url(response: Response) -> str:
    """The page's URL with the fragment it was asked for (`/gkmlpt/mindex#2761` names a category).

    The downloader drops the fragment from `response.url`; it is kept unless a redirect led elsewhere.
    """
    asked = response.request.url if response.request is not None else response.url
    return asked if urldefrag(asked)[0] == response.url else response.url


def listing_meta(link: ListingLink, listing_url: str, source: str) -> dict[str, Any]:
    """What a report page's request carries from its listing entry to the extractors (FetchedPage)."""
    return {
        "listing_title": link.title,
        "listing_date": link.date,
        "listing_url": listing_url,
        "listing_published": link.published,
        "listing_evidence": link.evidence,
        SOURCE_META: source,
    }


class AnnualReportsSpider(scrapy.Spider):
    name = "annual_reports"

    def __init__(
        self,
        start_urls: Any = None,
        hosts: Any = None,
        max_listing_pages: Any = None,
        *args: Any,
        province: Any = None,
        sources: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.params = CrawlParameters.from_arguments(
            start_urls, hosts, max_listing_pages, province=province, sources=sources
        )
        self.source_labels = self.params.source_labels
        self.start_urls = list(self.params.start_urls)
        self.configured_hosts = self.params.hosts
        self.allowed_domains = sorted({h.split(":")[0] for h in self.configured_hosts})
        self.listing_pages = 0
        self.source_listing_pages: dict[str, int] = {}
        self.subcolumns: set[str] = set()
        self.years = YearRange()
        # Read from the settings when the crawl starts (add-ons have changed them by then): `start`.
        self.limits = CrawlLimits()

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> AnnualReportsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        # --years (GOV_REPORTS_YEARS): report links whose listing title names another year are not fetched.
        spider.years = YearRange.parse(crawler.settings.get("GOV_REPORTS_YEARS"))
        return spider

    async def start(self) -> AsyncIterator[Request]:
        self.limits = CrawlLimits.from_settings(self.settings)
        for url in self.params.start_urls:
            # Every request carries the column (source) it came from, for per-source counts and dead-column findings.
            count_for_source(self.crawler.stats, url, "listing_pages", 0)
            yield Request(
                url,
                callback=self.parse_listing,
                errback=self.on_error,
                meta={"role": "listing", SOURCE_META: url, START_META: True},
            )

    def parse_listing(self, response: Response) -> Iterator[Request]:
        if not isinstance(response, TextResponse):
            self._skip(SkipReason.LISTING_NOT_HTML, response.url)
            return
        self.listing_pages += 1
        self.crawler.stats.inc_value(Stat.LISTING_PAGES)
        source = response.meta.get(SOURCE_META, response.url)
        self.source_listing_pages[source] = self.source_listing_pages.get(source, 0) + 1
        count_for_source(self.crawler.stats, source, "listing_pages")
        listing = parse_listing(
            response.text,
            listing_url(response),
            response.meta.get(ADAPTER_META),
            dict(response.meta.get(ADAPTER_STATE_META) or ()),
        )
        self.crawler.stats.inc_value(f"{StatPrefix.PLATFORM}{listing.platform}")
        note_source_adapter(self.crawler.stats, source, listing.platform)
        if listing.ended:
            # The adapter stopped paging early (an error page instead of JSON, a page past the total…).
            self.crawler.stats.inc_value(f"{StatPrefix.LISTING_ENDED}{listing.platform}/{listing.ended}")
            logger.info("Listing %s (%s) ended: %s", response.url, listing.platform, listing.ended)
        if listing.skipped:
            self._skip(f"listing_{listing.skipped}", response.url)
            record_source_failure(self.crawler.stats, source, listing.skipped)
        hops = response.meta.get(DISCOVERY_HOPS_META)  # set on hub pages met while looking for the column
        annual_context = bool(response.meta.get(ANNUAL_CONTEXT_META)) or is_annual_column_page(
            response.text, response.url
        )
        list_pages = {page.url for page in listing.next_pages}
        candidates: set[str] = set()
        report_links = 0
        if listing.page_report is not None:
            # The list page is itself a report (a per-year, per-issuer report view): handed on as it is, once.
            report_links += 1
            yield from self._page_as_report(response, listing.page_report, source)
        for link in listing.links:
            if is_column_name(link.title):
                continue  # a 年报 column (sub-columns are among next_pages; others are found by discovery)
            verdict = link_verdict(link.title, link.url, annual_context)
            if verdict == "trap":
                self.crawler.stats.inc_value(SKIPPED + SkipReason.TRAP_LINK)
                logger.debug("Trap link refused: %s %s", link.title, link.url)
            elif verdict == "candidate" and (link.url not in list_pages or is_article_url(link.url)):
                # Broad: the report page decides (recognition.decide). A 「2021年」 sub-column stays a list page.
                candidates.add(link.url)
                if is_report_title(link.title):
                    report_links += 1
                    count_for_source(self.crawler.stats, source, "report_links")
                else:  # a truncated title, 「关于…的年度报告」, a bare year or a file in a 年报 column…
                    count_for_source(self.crawler.stats, source, "candidates")
                if not self.years.admits(year_from_title(link.title)):
                    count_for_source(self.crawler.stats, source, "out_of_years")
                    self.crawler.stats.inc_value(SKIPPED + SkipReason.YEAR_OUT_OF_RANGE)
                    continue
                if file_type(link.url) and self.follow_attachments:
                    # A report published only as a file, linked from the list itself.
                    yield attachment_request(
                        link.url,
                        settings=self.settings,
                        callback=self.parse_attachment,
                        errback=self.on_error,
                        parent_title=link.title,
                        listing_date=link.date,
                        meta={SOURCE_META: source},
                    )
                    continue
                yield Request(
                    link.url,
                    callback=self.parse_report,
                    errback=self.on_error,
                    meta={"role": "report", **listing_meta(link, response.url, source)},
                )
        start = bool(response.meta.get(START_META))
        # In a 年报 column, candidates (titles the list cut short, bare years…) are as much its reports' links.
        column_links = report_links or (len(candidates) if annual_context else 0)
        if column_links and response.meta.get(COLUMN_META):
            note_source_column(self.crawler.stats, source, response.meta[COLUMN_META])
        if hops is not None:
            count_for_source(self.crawler.stats, source, "hub_pages")
        if not column_links and not listing.annual_column and (hops is not None or start):
            # A start URL or hub that is not a 年报 column (a home page, 政务公开): look for the column from here.
            yield from self._discover_columns(listing.links, response.url, source, hops or 0)
        if hops is not None and not listing.annual_column:
            # A hub's pagination lists other documents, not reports; but a hub that its platform says is the
            # 年报 column (a gkmlpt directory found its 年报 category) is followed like one.
            return
        # Both budgets: the crawl's, and each source's, so that one trap column cannot starve the others.
        per_source = self.limits.per_source_listing_pages
        if self.listing_pages >= self.params.max_listing_pages or (
            per_source and self.source_listing_pages[source] >= per_source
        ):
            if listing.next_pages:
                self.crawler.stats.inc_value(SKIPPED + SkipReason.LISTING_OVER_BUDGET, len(listing.next_pages))
                # The list's paging ends here: said per platform too, beside the adapters' own reasons.
                self.crawler.stats.inc_value(f"{StatPrefix.LISTING_ENDED}{listing.platform}/page_budget")
            return
        # A start page that is neither a 年报 column nor lists reports (a home page) has no sub-columns to descend.
        in_column = (
            not start
            or bool(column_links)
            or listing.annual_column
            or looks_like_annual_column(response.url, response.text)
        )
        depth = response.meta.get(SUBCOLUMN_DEPTH_META, 0)
        for page in listing.next_pages:
            if page.url in candidates:
                continue  # an article named like a sub-column, fetched as a report candidate
            if page.subcolumn and not in_column:
                continue
            if page.subcolumn and depth >= self.limits.subcolumn_depth:
                if page.url not in self.subcolumns:  # not one already reached by a shorter way
                    self.crawler.stats.inc_value(Stat.SUBCOLUMNS_TOO_DEEP)
                continue
            if page.subcolumn and page.url not in self.subcolumns:
                self.subcolumns.add(page.url)  # sidebars repeat sibling sub-columns: count each once
                self.crawler.stats.inc_value(Stat.SUBCOLUMNS_FOLLOWED)
            request = self._listing_request(page, response, source)
            request.meta[SUBCOLUMN_DEPTH_META] = depth + 1 if page.subcolumn else depth
            request.meta[COLUMN_META] = response.meta.get(COLUMN_META, response.url)
            request.meta[ANNUAL_CONTEXT_META] = annual_context
            yield request

    def _listing_request(self, page: PageRequest, response: TextResponse, source: str) -> Request:
        """A further list page, API call or postback, carrying the adapter that reads its answer."""
        meta: dict[str, Any] = {"role": "listing", SOURCE_META: source}
        if page.adapter:
            meta[ADAPTER_META] = page.adapter
            meta[ADAPTER_STATE_META] = page.state
        headers = dict(page.headers) or None
        common: dict[str, Any] = {"callback": self.parse_listing, "errback": self.on_error, "meta": meta}
        if page.from_response:
            # ASP.NET WebForms: __VIEWSTATE, __EVENTVALIDATION and the other fields come from the page's own form.
            # Scrapy 2.19 deprecates from_response for the form2request library, which encodes every form as
            # UTF-8; from_response encodes it in the page's own encoding (GB2312 WebForms sites), so it stays.
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", r"FormRequest\.from_response", ScrapyDeprecationWarning)
                return FormRequest.from_response(
                    response,
                    formxpath=page.formxpath,
                    formdata=dict(page.formdata or ()),
                    dont_click=True,
                    headers=headers,
                    **common,
                )
        if page.formdata is not None:
            return FormRequest(page.url, method=page.method, formdata=dict(page.formdata), headers=headers, **common)
        return Request(page.url, method=page.method, body=page.body, headers=headers, **common)

    def _discover_columns(self, links: list[Any], url: str, source: str, hops: int) -> Iterator[Request]:
        found = discover(links, url)
        for link in found.columns:
            self.crawler.stats.inc_value(Stat.DISCOVERY_COLUMN_LINKS)
            yield Request(
                link.url,
                callback=self.parse_listing,
                errback=self.on_error,
                meta={"role": "listing", SOURCE_META: source, COLUMN_META: link.url, ANNUAL_CONTEXT_META: True},
            )
        if hops >= self.limits.discovery_hops:
            return
        for link in found.gateways:
            self.crawler.stats.inc_value(Stat.DISCOVERY_HUB_LINKS)
            yield Request(
                link.url,
                callback=self.parse_listing,
                errback=self.on_error,
                meta={"role": "listing", SOURCE_META: source, DISCOVERY_HOPS_META: hops + 1},
            )

    def parse_report(self, response: Response) -> Iterator[FetchedPage | FetchedDocument | Request]:
        if not isinstance(response, TextResponse):
            if self.follow_attachments:  # a report link that serves a file
                yield from self.parse_attachment(response)
            else:
                self._skip(SkipReason.REPORT_NOT_HTML, response.url)
            return
        yield from self._report_page(response, response.meta)

    def _page_as_report(
        self, response: TextResponse, link: ListingLink, source: str
    ) -> Iterator[FetchedPage | Request]:
        """A list page that the platform says is itself a report: the same checks as a report link, no new fetch."""
        count_for_source(self.crawler.stats, source, "report_links")
        if not self.years.admits(year_from_title(link.title)):
            count_for_source(self.crawler.stats, source, "out_of_years")
            self.crawler.stats.inc_value(SKIPPED + SkipReason.YEAR_OUT_OF_RANGE)
            return
        yield from self._report_page(response, listing_meta(link, response.url, source))

    def _report_page(self, response: TextResponse, meta: Mapping[str, Any]) -> Iterator[FetchedPage | Request]:
        files = attachment_links(response, self.configured_hosts) if self.follow_attachments else []
        yield FetchedPage(
            url=response.url,
            text=response.text,
            kind="html",
            listing_title=meta.get("listing_title"),
            listing_date=meta.get("listing_date"),
            listing_url=meta.get("listing_url"),
            listing_published=meta.get("listing_published"),
            listing_evidence=dict(meta.get("listing_evidence") or ()),
            source=meta.get(SOURCE_META),
            official=urlsplit(response.url).netloc.lower() in self.configured_hosts,
            encoding=response.encoding,
            image_urls=image_links(response, self.configured_hosts),
            attachment_links=len(files),
        )
        for link in files:
            yield attachment_request(
                link.url,
                settings=self.settings,
                callback=self.parse_attachment,
                errback=self.on_error,
                name=link.text,
                parent_url=response.url,
                parent_title=meta.get("listing_title"),
                listing_date=meta.get("listing_date"),
            )

    @property
    def follow_attachments(self) -> bool:
        return self.limits.follow_attachments

    def parse_attachment(self, response: Response) -> Iterator[FetchedDocument]:
        yield fetched_document(response, official=urlsplit(response.url).netloc.lower() in self.configured_hosts)

    def on_error(self, failure: Failure) -> None:
        if failure.check(RecordedSkip):  # a middleware counted it already (waf_blocked, private_address…)
            return
        request = failure.request  # type: ignore[attr-defined]
        if request.meta.get(NOT_MODIFIED_META):
            return  # an unchanged report (304 to a conditional request): counted by the incremental middleware
        if request.meta.get("role") == "listing" and SOURCE_META in request.meta:
            record_source_failure(self.crawler.stats, request.meta[SOURCE_META], failure_reason(failure))
        self._skip(f"{request.meta.get('role', 'page')}_{failure_reason(failure)}", request.url)

    def _skip(self, reason: str, url: str) -> None:
        self.crawler.stats.inc_value(SKIPPED + reason)
        logger.info("Skipped %s: %s", url, reason)
