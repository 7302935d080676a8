"""Hanweb (大汉) 信息公开 module, `/module/xxgk/`: reference/portals.md §2.4.

Two views, both read here without running a script:

* **search.jsp lists.** A 信息公开 column page carries the list's query as a form (GET or POST, action
  `/module/xxgk/search.jsp?…`, fields `infotypeId`, `jdid`, `area`, `divid`, `sortfield`, `currpage`…), or as
  a script call (`$('#div…').load('/module/xxgk/search.jsp', {…})`) or a plain `search.jsp?…` address. The
  answer is an HTML fragment of rows (`tr.tr_main_value_odd` / `li`) and a pager that states the page count
  (「共3页」, 「共 3 页」 between `&nbsp;`s, 「页次 1/3」). Pages are asked for one at a time, `currpage=1..N`,
  each answer asking for the next, so the spider's page budget stops the chain; a page that repeats the one
  before, states another page number than the one asked for, or lies past the count, and an answer without a
  page count or without a list, end paging with a counted reason (`Listing.ended`).
* **xxgkAnnualReport.jsp?fbtime={YYYY}&area={code}.** One unit's (issuer's) report for one year, with tabs
  (links, a `<select>` or a script array of years) to the other years and a unit `<select>` whose options are
  the other issuers' `area` codes. The page *is* the report: it is handed on as `Listing.page_report` (the
  spider passes the response itself to the extractor, no second fetch), with the `area` code as
  `("credit_code", …)` issuer evidence and the selected unit's name as `("publisher", …)`. Every other
  (year, unit) pair is asked for once per page (pairs the asking page already asked for travel in the state,
  Scrapy's duplicate filter catches the rest); a page that says there is no report (「暂无」, 「暂无数据」,
  「没有找到」, an empty body) is not a record: it ends with `no_report_for_year`.

The package: `search` (search.jsp), `annual` (xxgkAnnualReport.jsp), `common` (what both read with).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urlsplit

from parsel import Selector

from gov_reports.crawl.portals import generic, hanweb
from gov_reports.crawl.portals.base import Listing, PageRequest, anchors, unique_by_url
from gov_reports.crawl.portals.discovery import is_column_name
from gov_reports.crawl.portals.xxgk.annual import MAX_PAIRS, MAX_UNITS, MAX_YEARS, _annual_url, parse_annual_report
from gov_reports.crawl.portals.xxgk.common import ANNUAL_PATH, NAME, SEARCH_IN_HTML_RE, SEARCH_PATH, is_module_link
from gov_reports.crawl.portals.xxgk.search import MAX_PAGES, page_count, parse_search_answer, search_queries

# Read by the tests and the docs as this adapter's own (xxgk.MAX_PAGES, xxgk.page_count…).
__all__ = [
    "ANNUAL_PATH",
    "MAX_PAGES",
    "MAX_PAIRS",
    "MAX_UNITS",
    "MAX_YEARS",
    "NAME",
    "SEARCH_PATH",
    "_annual_url",
    "matches",
    "page_count",
    "parse",
    "parse_annual_report",
    "parse_column",
    "parse_search_answer",
    "search_queries",
]

_ANNUAL_IN_HTML_RE = re.compile(r"xxgkAnnualReport\.jsp", re.I)


def matches(html: str, url: str) -> bool:
    path = urlsplit(url).path.lower()
    if path.endswith((SEARCH_PATH.lower(), ANNUAL_PATH.lower())):
        return True
    return bool(SEARCH_IN_HTML_RE.search(html) or _ANNUAL_IN_HTML_RE.search(html))


def parse(html: str, url: str, state: Mapping[str, str] | None = None) -> Listing:
    state = state or {}
    path = urlsplit(url).path.lower()
    if path.endswith(ANNUAL_PATH.lower()):
        return parse_annual_report(html, url, state)
    if path.endswith(SEARCH_PATH.lower()):
        return parse_search_answer(html, url, state)
    return parse_column(html, url)


# --------------------------------------------------------------------------- the column page


def parse_column(html: str, url: str) -> Listing:
    """A page that carries the search.jsp query and/or links to the annual-report view."""
    annual = "1" if _is_annual_column(html) else ""
    listing = Listing(platform=NAME, annual_column=bool(annual))
    if "<datastore" in html:  # a Hanweb column page may carry a datastore list as well
        static = hanweb.parse(html, url, {})
        listing.links += static.links
        listing.next_pages += static.next_pages
    listing.links += [link for link in anchors(html, url) if not is_module_link(link.url)]
    for query in search_queries(html, url):
        listing.next_pages.append(query.request(1, annual=annual))
    for link in anchors(html, url):
        if urlsplit(link.url).path.lower().endswith(ANNUAL_PATH.lower()):
            listing.next_pages.append(PageRequest(url=link.url.split("#")[0], adapter=NAME))
    # As for the other CMS pages: the generic 下一页 and sub-column links of the column page itself.
    listing.next_pages = unique_by_url(listing.next_pages + generic.parse(html, url, {}).next_pages)
    listing.links = list(dict.fromkeys(listing.links))
    return listing


def _is_annual_column(html: str) -> bool:
    """The column page names itself a 年报 column (ColumnName meta, or the <title> before 「_site」)."""
    sel = Selector(text=html, type="html")
    names = sel.css('meta[name="ColumnName"]::attr(content)').getall()
    names += [(sel.css("title::text").get() or "").split("_")[0]]
    return any(is_column_name(name) for name in names if name)
