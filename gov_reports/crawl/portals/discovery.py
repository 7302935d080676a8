"""Finding the 年报 column from a portal page that is not one (a home page, a 政务公开 hub).

Many registered sources are only known by their portal address, and real portals
put the 「政府信息公开年报」 column two or three clicks deep: 首页 → 政务公开 →
政府信息公开 → 政府信息公开年报. From a page with no report link, the spider
follows links named like a 年报 column (crawled as columns), and, a bounded
number of hops deep, links named like the disclosure hubs that lead to one
(not paginated: only their column and hub links are read).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from gov_reports.crawl.portals.base import ListingLink
from gov_reports.crawl.portals.subcolumns import COLUMN_TOKEN_RE, DETAIL_RE

# The names a 年报 column goes by (reference/portals.md §1), spaces removed.
ANNUAL_COLUMN_RE = re.compile(
    r"^(?:(?:政府|政务)?信息公开(?:工作)?)?(?:年度报告|年报)(?:专栏|栏目)?$|^(?:政府信息公开|信息公开)年度报告$"
)
# Hubs that lead to it: the 政务公开 / 政府信息公开 sections and their platforms and directories.
GATEWAY_RE = re.compile(
    r"^(?:政务公开|政府信息公开|信息公开|政务信息公开|政务公开专栏)(?:平台|专栏|目录|专题)?$"
    r"|^(?:法定主动公开内容|主动公开|政府信息公开指南和目录)$"
)
# A hub page has a menu, not a list: a few of its hub links are enough, and bound the crawl.
MAX_GATEWAYS_PER_PAGE = 4


@dataclass(frozen=True)
class Discovered:
    columns: tuple[ListingLink, ...]
    gateways: tuple[ListingLink, ...]


def _name(title: str) -> str:
    return "".join(title.split()).strip("»>›·|")


def is_column_name(title: str) -> bool:
    """「政府信息公开年报」, 「年度报告」…: a column's name (it passes for a report title, but names no body)."""
    return bool(ANNUAL_COLUMN_RE.match(_name(title)))


def discover(links: list[ListingLink] | tuple[ListingLink, ...], page_url: str) -> Discovered:
    """Links of a page that name a 年报 column, and (a few) that name a hub leading to one."""
    here = page_url.split("#")[0]
    host = urlsplit(page_url).netloc
    columns: dict[str, ListingLink] = {}
    gateways: dict[str, ListingLink] = {}
    for link in links:
        url = link.url.split("#")[0]
        if url == here:
            continue
        name = _name(link.title)
        path = urlsplit(url).path
        # By name, or by a 年报 path token on a same-host list (a column named 「年度报告专栏」 or an icon link).
        token = COLUMN_TOKEN_RE.search(path) if urlsplit(url).netloc == host and not DETAIL_RE.search(path) else None
        by_token = token is not None and "/" not in path[token.end() :]  # the column itself, not a page under it
        if ANNUAL_COLUMN_RE.match(name) or by_token:  # is_column_name
            columns.setdefault(url, link)
        elif GATEWAY_RE.match(name) and len(gateways) < MAX_GATEWAYS_PER_PAGE:
            gateways.setdefault(url, link)
    return Discovered(tuple(columns.values()), tuple(g for u, g in gateways.items() if u not in columns))
