"""What a listing page yields, whatever the CMS: report links and further list pages.

Portal adapters are pure (page text in, `Listing` out) so each CMS layout is
tested offline; the spider turns `PageRequest`s into Scrapy requests and hands
each answer back to the adapter that asked for it (an API's JSON, a postback
page), with the adapter's own state.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from parsel import Selector

from gov_reports.extract.text import clean_line

DATE_RE = re.compile(r"(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?")


@dataclass(frozen=True)
class ListingLink:
    url: str
    title: str
    date: str | None = None
    published: str | None = None
    """The platform's own publication time of the entry, YYYY-MM-DD (an API's publish time): it beats the page's."""
    evidence: tuple[tuple[str, str], ...] = ()
    """What the platform says of the issuer: ("publisher", name), ("credit_code", 统一社会信用代码)…"""


@dataclass(frozen=True)
class PageRequest:
    url: str
    method: str = "GET"
    formdata: tuple[tuple[str, str], ...] | None = None
    adapter: str | None = None
    """The adapter that reads the answer (JSON, a postback page); None: detected from the answer like any page."""
    state: tuple[tuple[str, str], ...] = ()
    """The adapter's context for the answer (its category, page number, SID…), handed back with it."""
    from_response: bool = False
    """An HTML form post built from the page that asks for it (ASP.NET postbacks: FormRequest.from_response)."""
    formxpath: str | None = None
    """With `from_response`: the form to post, as an XPath to it or to an element inside it (an ASP.NET page's
    `<form id="form1">`, not a site-search form above it); None: the page's first form."""
    body: str | None = None
    """A raw request body (a JSON POST); `formdata` is the form-encoded alternative."""
    headers: tuple[tuple[str, str], ...] = ()
    subcolumn: bool = False
    """A sub-column of the column (per year, level or department): one level deeper (GOV_REPORTS_SUBCOLUMN_DEPTH)."""


@dataclass
class Listing:
    platform: str
    links: list[ListingLink] = field(default_factory=list)
    next_pages: list[PageRequest] = field(default_factory=list)
    ended: str | None = None
    """Why the adapter stopped paging at this page before the end it expected (``api_not_json``, ``past_total``…):
    counted in the crawl stats, never a crash or an endless loop."""
    skipped: str | None = None
    """The page can be read only by running its scripts (or is otherwise unreadable): a named, counted skip."""
    annual_column: bool = False
    """The platform itself says this list is a 年报 column (its 年报 category, a unit's annual-report page)."""
    page_report: ListingLink | None = None
    """This very page is also a report (a platform's per-year, per-issuer report view such as Hanweb's
    xxgkAnnualReport.jsp): the spider hands it on as a report page with this link's title, date, published and
    evidence, without fetching it again. None for a page that only lists."""


ParseFunction = Callable[[str, str, Mapping[str, str]], Listing]


@dataclass(frozen=True)
class Adapter:
    """One CMS platform: does a page belong to it, and what does the page list."""

    name: str
    matches: Callable[[str, str], bool]
    """(page text, url) -> True when this platform serves the page."""
    parse: ParseFunction
    """(page text, url, state) -> Listing; `state` is what the adapter put on the request for this page."""
    generic_pagination: bool = True
    """Also take the generic rules' 下一页 and sub-column links from the adapter's HTML pages."""
    reads_scripts: Callable[[str, str], bool] | None = None
    """(page text, url) -> True when the adapter reads this JavaScript-rendered page from its script text:
    an empty shell to a reader, but no WAF block to give up on (gov_reports.crawl.downloader.waf)."""


def count_value(value: object) -> int | None:
    """A non-negative count from an API's JSON or a page's state: an int or a digit string, else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def unique_by_url(pages: list[PageRequest]) -> list[PageRequest]:
    """GET pages once each, the first request for a URL winning (a page link and a sub-column link to one
    list); requests with a body or state are distinct even to the same URL (postbacks, API pages)."""
    seen: set[str] = set()
    unique: list[PageRequest] = []
    for page in pages:
        if page.method == "GET" and not page.state and not page.adapter:
            if page.url in seen:
                continue
            seen.add(page.url)
        if page not in unique:
            unique.append(page)
    return unique


@lru_cache(maxsize=4)
def anchors(html: str, base_url: str) -> tuple[ListingLink, ...]:
    """Every followable link with its title (title attribute first: list texts are often cut short).

    Cached: a CMS listing is read by its platform module and by the generic pagination rules.
    """
    links: list[ListingLink] = []
    sel = Selector(text=html, type="html")  # parsel would read a JSON answer as JSON and refuse css()
    for a in sel.css("a[href]"):
        # Attributes by XPath: `.attrib` fails on the whole element when one attribute name is junk (`"`).
        href = (a.xpath("@href").get() or "").strip()
        if not href or href.startswith(("javascript:", "mailto:", "#", "tel:")):
            continue
        url = urljoin(base_url, href)
        if urlsplit(url).scheme not in ("http", "https"):
            continue
        text = clean_line(" ".join(a.css("::text").getall()))
        title = clean_line(a.xpath("@title").get() or "") or text
        around = " ".join(a.xpath("./following-sibling::*[1]//text() | ./following-sibling::text()[1]").getall())
        around += " " + " ".join(a.xpath("./parent::*/text() | ./parent::*/*[not(self::a)]//text()").getall())
        date = DATE_RE.search(around)
        links.append(ListingLink(url=url, title=title, date=date.group(0) if date else None))
    return tuple(links)
