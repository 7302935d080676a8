"""What a listing page yields, whatever the CMS: report links and further list pages.

Portal modules are pure (HTML in, `Listing` out) so each CMS layout is tested
offline; the spider turns `PageRequest`s into Scrapy requests.
"""

from __future__ import annotations

import re
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


@dataclass(frozen=True)
class PageRequest:
    url: str
    method: str = "GET"
    formdata: tuple[tuple[str, str], ...] | None = None


@dataclass
class Listing:
    platform: str
    links: list[ListingLink] = field(default_factory=list)
    next_pages: list[PageRequest] = field(default_factory=list)


@lru_cache(maxsize=4)
def anchors(html: str, base_url: str) -> tuple[ListingLink, ...]:
    """Every followable link with its title (title attribute first: list texts are often cut short).

    Cached: a CMS listing is read by its platform module and by the generic pagination rules.
    """
    links: list[ListingLink] = []
    sel = Selector(text=html)
    for a in sel.css("a[href]"):
        href = (a.attrib.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "mailto:", "#", "tel:")):
            continue
        url = urljoin(base_url, href)
        if urlsplit(url).scheme not in ("http", "https"):
            continue
        text = clean_line(" ".join(a.css("::text").getall()))
        title = clean_line(a.attrib.get("title") or "") or text
        around = " ".join(a.xpath("./following-sibling::*[1]//text() | ./following-sibling::text()[1]").getall())
        around += " " + " ".join(a.xpath("./parent::*/text() | ./parent::*/*[not(self::a)]//text()").getall())
        date = DATE_RE.search(around)
        links.append(ListingLink(url=url, title=title, date=date.group(0) if date else None))
    return tuple(links)
