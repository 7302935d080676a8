"""ASP.NET WebForms lists (county 信息公开 platforms, e.g. 四川's ``default.aspx`` / ``year_details.aspx``).

The next page is not a link but a form post the page's script makes::

    <a href="javascript:__doPostBack('ctl00$ContentPlaceHolder1$GridView1','Page$2')">2</a>
    <a id="…_lbtnNext" href="javascript:__doPostBack('ctl00$ContentPlaceHolder1$lbtnNext','')">下一页</a>

``__doPostBack(target, argument)`` fills the hidden ``__EVENTTARGET`` / ``__EVENTARGUMENT`` fields of the
page's ``<form id="form1">`` and submits it with the page's ``__VIEWSTATE`` and ``__EVENTVALIDATION``, which
the server checks. The adapter reads the call as text and asks the spider for that post, built by Scrapy's
``FormRequest.from_response`` from the page itself (``PageRequest.from_response``, the form chosen by
``formxpath``: a site-search form often comes first). One page at a time: from page N, ``Page$(N+1)`` (or the
next page the pager offers, or its 下一页 postback). Paging ends, counted (`Listing.ended`), on a page that
repeats the previous one (``repeated_page``: its number or its links; a 下一页 that posts back to the last
page), on a 下一页 that offers no new page (``no_new_page``), without the form to post (``no_form``), or at
the page budget (``page_budget``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import replace
from urllib.parse import urljoin

from parsel import Selector

from gov_reports.crawl.portals.base import DATE_RE, Listing, ListingLink, PageRequest, anchors
from gov_reports.crawl.portals.generic import NEXT_TEXT_RE

POSTBACK_RE = re.compile(r"""__doPostBack\(\s*['"]([^'"]*)['"]\s*,\s*['"]([^'"]*)['"]\s*\)""")
PAGE_ARG_RE = re.compile(r"^Page\$(\d+)$")
# The page number the page shows: 「第2页」, 「当前第2页」, 「2/3页」.
SHOWN_PAGE_RE = re.compile(r"(?:当前)?第\s*(\d+)\s*页|(\d+)\s*/\s*\d+\s*页")
VIEWSTATE_FORM = "//form[.//input[@name='__VIEWSTATE']]"
MAX_PAGES = 500


def matches(html: str, url: str) -> bool:
    return "__doPostBack(" in html


def _postbacks(sel: Selector) -> list[tuple[str, str, str]]:
    """(target, argument, link text) of the page's postback links, in page order."""
    found: list[tuple[str, str, str]] = []
    for a in sel.xpath("//a[contains(@href, '__doPostBack') or contains(@onclick, '__doPostBack')]"):
        call = POSTBACK_RE.search(a.attrib.get("href", "") + " " + a.attrib.get("onclick", ""))
        if call and a.attrib.get("disabled") is None:
            found.append((call.group(1), call.group(2), "".join("".join(a.xpath(".//text()").getall()).split())))
    return found


def shown_page(sel: Selector) -> int | None:
    text = " ".join(" ".join(sel.xpath("//body//text()[not(ancestor::script)]").getall()).split())
    found = SHOWN_PAGE_RE.search(text)
    return int(found.group(1) or found.group(2)) if found else None


def _row_dates(sel: Selector, links: list[ListingLink], url: str) -> list[ListingLink]:
    """GridView rows put the date in the next cell, not beside the link: take it from the link's row."""
    dates: dict[str, str] = {}
    for tr in sel.xpath("//tr[count(.//a[@href]) = 1][not(.//tr)]"):
        found = DATE_RE.search(" ".join(tr.xpath(".//text()").getall()))
        if found:
            dates.setdefault(urljoin(url, tr.xpath(".//a/@href").get("").strip()), found.group(0))
    return [replace(link, date=dates[link.url]) if not link.date and link.url in dates else link for link in links]


def _formxpath(sel: Selector) -> str | None:
    """The form that holds __VIEWSTATE, by its id when it has one (form1, aspnetForm)."""
    form = sel.xpath(VIEWSTATE_FORM)
    if not form:
        return None
    form_id = form[0].attrib.get("id", "")
    return f"//form[@id='{form_id}']" if form_id and "'" not in form_id else VIEWSTATE_FORM


def parse(html: str, url: str, state: Mapping[str, str] | None = None) -> Listing:
    state = state or {}
    sel = Selector(text=html, type="html")
    listing = Listing(platform="aspnet", links=_row_dates(sel, list(anchors(html, url)), url))
    asked = int(state["page"]) if state.get("page", "").isdigit() else 1
    shown = shown_page(sel)
    number = shown or asked
    seen = hashlib.sha1("\n".join(sorted({link.url for link in listing.links})).encode()).hexdigest()[:16]
    if state:
        last = int(state["last"]) if state.get("last", "").isdigit() else 0
        if seen == state.get("previous") or (shown is not None and shown <= last):
            listing.ended = "repeated_page"  # the postback was ignored, or 下一页 on the last page posts back to it
            listing.links = []  # read already, from the page it repeats
            return listing
    postbacks = _postbacks(sel)
    numbered = {int(m.group(1)): (target, arg) for target, arg, _ in postbacks if (m := PAGE_ARG_RE.match(arg))}
    later = sorted(n for n in numbered if n > number)
    chosen: tuple[str, str] | None = numbered[later[0]] if later else None
    if chosen is None:
        for target, arg, text in postbacks:
            if arg == "Page$Next" or (NEXT_TEXT_RE.match(text) and not PAGE_ARG_RE.match(arg)):
                chosen = (target, arg)
                break
            if NEXT_TEXT_RE.match(text):  # 下一页 naming a page number not beyond this one
                listing.ended = "no_new_page"
                return listing
    if chosen is None:
        return listing  # no next page offered: the list's end
    formxpath = _formxpath(sel)
    if formxpath is None:
        listing.ended = "no_form"  # postback paging without the __VIEWSTATE form to post
        return listing
    if number >= MAX_PAGES:
        listing.ended = "page_budget"
        return listing
    target, argument = chosen
    page_argument = PAGE_ARG_RE.match(argument)
    following = int(page_argument.group(1)) if page_argument else number + 1
    listing.next_pages = [
        PageRequest(
            url=url,
            method="POST",
            from_response=True,
            formxpath=formxpath,
            formdata=(("__EVENTTARGET", target), ("__EVENTARGUMENT", argument)),
            adapter="aspnet",
            state=(("page", str(following)), ("last", str(number)), ("previous", seen)),
        )
    ]
    return listing
