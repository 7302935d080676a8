"""TRS WCM (拓尔思) column pages: reference/portals.md §3.

Pagination is written by `createPageHTML(countPage, currentPage, prefix,
suffix)` (0-based: page 2 is index_1.html) or the six-argument form
`createPageHTML(div, countPage, currentPage, prefix, suffix, records)` (1-based:
page 2 is index_2.shtml); Chongqing writes `createPage(...)` like the first.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urljoin

from gov_reports.crawl.portals.base import Listing, PageRequest, anchors

_Q = r"""['"]"""
CLASSIC_RE = re.compile(
    rf"createPage(?:HTML)?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*{_Q}([^'\"]+){_Q}\s*,\s*{_Q}([^'\"]+){_Q}\s*\)"
)
SIX_ARG_RE = re.compile(
    rf"createPageHTML\(\s*{_Q}[^'\"]*{_Q}\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*{_Q}([^'\"]+){_Q}\s*,\s*{_Q}([^'\"]+){_Q}\s*,\s*\d+\s*\)"
)
MAX_PAGES = 500


def matches(html: str, url: str) -> bool:
    return "createPageHTML(" in html or "createPage(" in html


def parse(html: str, url: str, state: Mapping[str, str] | None = None) -> Listing:
    listing = Listing(platform="trs", links=list(anchors(html, url)))
    pages: list[str] = []
    for count, _current, prefix, suffix in CLASSIC_RE.findall(html):
        pages += [f"{prefix}.{suffix}"] + [f"{prefix}_{n}.{suffix}" for n in range(1, min(int(count), MAX_PAGES))]
    for count, _current, prefix, suffix in SIX_ARG_RE.findall(html):
        pages += [f"{prefix}.{suffix}"] + [f"{prefix}_{n}.{suffix}" for n in range(2, min(int(count), MAX_PAGES) + 1)]
    listing.next_pages = [PageRequest(url=urljoin(url, page)) for page in dict.fromkeys(pages)]
    return listing
