"""Any other list page: follow 下一页 / page-number links and `?page=N`-style URLs, and sub-columns.

Only links that stay inside the listing's own directory are followed as
pages, so a stray 「2」 in a footer does not send the crawl across the site.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from posixpath import dirname
from urllib.parse import urlsplit

from gov_reports.crawl.portals.base import Listing, ListingLink, PageRequest, anchors, unique_by_url
from gov_reports.crawl.portals.subcolumns import subcolumn_links

NEXT_TEXT_RE = re.compile(r"^(?:下一页|下页|后页|下一頁|next|›|»|>|>>)$", re.I)
PAGE_URL_RE = re.compile(
    r"(?:[?&](?:page|pageNo|pageNum|pageIndex|PageIndex|p|pn|curPage|currentPage)=\d+|[_/-]\d{1,4}\.s?html?$)"
)


def matches(html: str, url: str) -> bool:
    return True


def _same_column(link: str, listing: str) -> bool:
    a, b = urlsplit(link), urlsplit(listing)
    return a.netloc == b.netloc and dirname(a.path).startswith(dirname(b.path))


def is_page_link(link: ListingLink, listing_url: str) -> bool:
    if not _same_column(link.url, listing_url) or link.url == listing_url:
        return False
    text = link.title.strip()
    if NEXT_TEXT_RE.match(text) or text in ("尾页", "末页", "首页", "上一页", "上页"):
        return True
    return text.isdigit() and bool(PAGE_URL_RE.search(link.url))


def parse(html: str, url: str, state: Mapping[str, str] | None = None) -> Listing:
    links = list(anchors(html, url))
    listing = Listing(platform="generic", links=links)
    listing.next_pages = [PageRequest(url=link.url) for link in links if is_page_link(link, url)]
    listing.next_pages += [PageRequest(url=link.url, subcolumn=True) for link in subcolumn_links(links, url)]
    listing.next_pages = unique_by_url(listing.next_pages)
    return listing
