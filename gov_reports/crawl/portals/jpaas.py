"""JPaaS unitbuild column pages (the newer 浙江 Hanweb platform): reference/portals.md §2.5.

The column page holds no list. A script tag tells the browser where to fetch it::

    <script src="/…/AuthorizedRead/unitbuild.js" url="/api-gateway/jpaas-publish-server/front/page/build/unit"
            queryData="{'webId':'3630','pageId':'1229560123','tplSetId':'…','pageType':'column',
                        'tagId':'信息列表','editType':'null'}" paramJson="{&quot;pageNo&quot;:1,…}">

(attribute names in any case, values HTML-escaped, queryData usually with single quotes; a page may carry
several units: navigation, footer, the list). The endpoint answers ``{"success": true, "data": {"html":
"<ul>…</ul>", "total"?: N}}``. The adapter reads the attributes as text, never runs the script, and pages
the endpoint itself one page at a time, ``paramJson={"pageNo": N, "pageSize": S, …}`` merged from the page's
own paramJson and queryData, until an empty or short page or the stated total. Bad answers end the paging
with a counted reason (`Listing.ended`): ``api_not_json`` (an HTML error page with status 200),
``api_missing_data`` / ``api_missing_html``, ``past_total`` (a page beyond the total the first page stated),
``empty_page`` (nothing where the total promised more), ``repeated_page`` (the links of the previous page
again: a server that ignores pageNo), ``page_budget``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from parsel import Selector

from gov_reports.crawl.portals import generic
from gov_reports.crawl.portals.base import Listing, ListingLink, PageRequest, anchors, count_value, unique_by_url

UNIT_PATH = "/api-gateway/jpaas-publish-server/front/page/build/unit"
UNITBUILD_RE = re.compile(r"unitbuild\.js", re.I)
# A unit that renders a list (not the navigation or the footer), by its tagId: 信息列表, 分页列表, list, 内容区域…
LIST_TAG_RE = re.compile(r"列表|list|分页|内容|栏目|信息|文章", re.I)
# Units that render the page's chrome, never a list worth paging.
CHROME_TAG_RE = re.compile(r"导航|头部|底部|页头|页脚|页尾|菜单|友情链接|nav|menu|header|footer|banner", re.I)
DEFAULT_PAGE_SIZE = 15
MAX_PAGES = 500  # a column of 7,500 entries: beyond it the answers are not a list's
MAX_UNITS = 4
TOTAL_KEYS = ("total", "totalCount", "totalcount", "totalRecord", "totalRecords", "recordCount", "count")
PAGE_COUNT_KEYS = ("totalPage", "totalPages", "pageCount", "pagecount")
_STRING_RE = re.compile(r"'((?:[^'\\]|\\.)*)'|\"(?:[^\"\\]|\\.)*\"")
_BARE_KEY_RE = re.compile(r"([{,]\s*)([A-Za-z_$][\w$]*)(\s*:)")


@dataclass(frozen=True)
class Unit:
    """One unitbuild script: where its list comes from and with which parameters."""

    endpoint: str
    query: dict[str, str]
    param: dict[str, Any]

    @property
    def page_size(self) -> int:
        for source in (self.param, self.query):
            size = count_value(source.get("pageSize"))
            if size:
                return size
        return DEFAULT_PAGE_SIZE


def matches(html: str, url: str) -> bool:
    return UNIT_PATH in url or bool(UNITBUILD_RE.search(html[:500_000]))


def reads_scripts(html: str, url: str) -> bool:
    """The page's list is read from its unitbuild script tags: an empty shell to a reader, but no WAF block."""
    return bool(UNITBUILD_RE.search(html[:500_000])) and bool(units(html, url)[0])


def js_object(text: str) -> dict[str, Any] | None:
    """A JSON object as pages write it in attributes: real JSON, or with single quotes and bare keys."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        pieces: list[str] = []
        at = 0
        for found in _STRING_RE.finditer(text):  # re-quote the strings, then the bare keys outside them
            pieces.append(_BARE_KEY_RE.sub(r'\1"\2"\3', text[at : found.start()]))
            single = found.group(1)  # 'text' becomes "text"; a "string" is JSON already
            pieces.append(found.group(0) if single is None else json.dumps(single.replace("\\'", "'")))
            at = found.end()
        pieces.append(_BARE_KEY_RE.sub(r'\1"\2"\3', text[at:]))
        try:
            value = json.loads("".join(pieces))
        except ValueError:
            return None
    return value if isinstance(value, dict) else None


def _as_param(value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        return dict(value)
    if isinstance(value, str):
        return js_object(value) or {}
    return {}


def units(html: str, url: str) -> tuple[list[Unit], int]:
    """The page's list units, and how many of its unitbuild scripts could not be read.

    Chrome units (navigation, footer) are left out; among the rest, the ones named like a list are preferred.
    """
    found: list[Unit] = []
    unreadable = 0
    for script in Selector(text=html, type="html").xpath("//script[@src]"):
        attrs = {key.lower(): value for key, value in script.attrib.items()}  # queryData, querydata, QUERYDATA
        if not UNITBUILD_RE.search(attrs.get("src", "")):
            continue
        query = js_object(attrs.get("querydata", ""))
        if query is None:
            unreadable += 1
            continue
        param = _as_param(query.pop("paramJson", None))
        param.update(_as_param(attrs.get("paramjson")))
        endpoint = urljoin(url, (attrs.get("url") or "").strip() or UNIT_PATH)
        values = {str(k): v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for k, v in query.items()}
        if not CHROME_TAG_RE.search(values.get("tagId", "")):
            found.append(Unit(endpoint=endpoint, query=values, param=param))
    lists = [u for u in found if LIST_TAG_RE.search(u.query.get("tagId", "")) or "pageNo" in u.param]
    return (lists or found)[:MAX_UNITS], unreadable


def unit_request(unit: Unit, page: int, total: int | None = None, previous: str = "") -> PageRequest:
    """Page `page` of a unit: its queryData as the query, paramJson with pageNo (and pageSize) set."""
    parts = urlsplit(unit.endpoint)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    query.update(unit.query)
    param = {**unit.param, "pageNo": page}
    param.setdefault("pageSize", unit.page_size)
    if "pageNo" in query:  # some sites page by a top-level pageNo as well
        query["pageNo"] = str(page)
    query["paramJson"] = json.dumps(param, ensure_ascii=False, separators=(",", ":"))
    target = urlunsplit(parts._replace(query=urlencode(query), fragment=""))
    state = (
        ("page", str(page)),
        ("size", str(unit.page_size)),
        ("total", "" if total is None else str(total)),
        ("previous", previous),
    )
    return PageRequest(url=target, adapter="jpaas", state=state)


def _unit_from_url(url: str) -> Unit:
    """The unit an endpoint URL asks for (the answer's own URL): to ask for its next page."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    param = _as_param(query.pop("paramJson", None))
    param.pop("pageNo", None)
    return Unit(endpoint=urlunsplit(parts._replace(query="")), query=query, param=param)


def _stated(data: Mapping[str, Any], keys: tuple[str, ...]) -> int | None:
    for key in keys:
        number = count_value(data.get(key))
        if number is not None:
            return number
    return None


def signature(links: list[ListingLink]) -> str:
    """What a page lists, in a few characters: the same links again are the same page."""
    return hashlib.sha1("\n".join(sorted(link.url for link in links)).encode()).hexdigest()[:16]


def parse(html: str, url: str, state: Mapping[str, str] | None = None) -> Listing:
    state = state or {}
    if "page" in state or UNIT_PATH in urlsplit(url).path:
        return _answer(html, url, state)
    listing = Listing(platform="jpaas", links=list(anchors(html, url)))
    found, unreadable = units(html, url)
    if unreadable and not found:
        listing.skipped = "jpaas_unit_unreadable"  # unitbuild scripts whose queryData no reader can take
    # The column page's own 下一页 and sub-column links too (not an answer's: JSON text holds no page links).
    listing.next_pages = unique_by_url([unit_request(unit, 1) for unit in found] + generic.parse(html, url).next_pages)
    return listing


def _answer(text: str, url: str, state: Mapping[str, str]) -> Listing:
    """One page of the endpoint's answer: its list, and the request for the next page if there is one."""
    listing = Listing(platform="jpaas")
    unit = _unit_from_url(url)
    asked = count_value(state.get("page"))
    if asked is None:  # a crawl started at an endpoint URL: its own paramJson says which page
        asked = count_value(_as_param(dict(parse_qsl(urlsplit(url).query)).get("paramJson")).get("pageNo")) or 1
    size = count_value(state.get("size")) or unit.page_size
    try:
        payload = json.loads(text)
    except ValueError:
        listing.ended = "api_not_json"  # an HTML error page (often with status 200)
        return listing
    data = payload.get("data") if isinstance(payload, dict) else None
    if not isinstance(data, dict):
        listing.ended = "api_missing_data"
        return listing
    fragment = data.get("html")
    if not isinstance(fragment, str):
        listing.ended = "api_missing_html"  # {"success": false, "data": {}}: parameters the unit refused
        return listing
    # The total the first page stated holds for the whole paging (later pages may state another).
    total = count_value(state.get("total"))
    if total is None:
        total = _stated(data, TOTAL_KEYS)
        if total is None and isinstance(payload, dict):
            total = _stated(payload, TOTAL_KEYS)
        page_count = _stated(data, PAGE_COUNT_KEYS)
        if total is None and page_count is not None:
            total = page_count * size
    last_page = max(1, -(-total // size)) if total is not None else None
    if last_page is not None and asked > last_page:
        listing.ended = "past_total"
        return listing
    links = list(anchors(fragment, url))
    if not links:
        if last_page is not None and asked < last_page:
            listing.ended = "empty_page"  # the list stops before the total it stated
        return listing  # an empty page: the end of the list
    seen = signature(links)
    if seen == state.get("previous"):
        listing.ended = "repeated_page"  # the server ignores pageNo (or repeats its last page past the end)
        return listing
    listing.links = links
    if last_page is not None and asked >= last_page:
        return listing
    if last_page is None and len(links) < size:
        return listing  # a short page: the last one
    if asked >= MAX_PAGES:
        listing.ended = "page_budget"
        return listing
    listing.next_pages = [unit_request(unit, asked + 1, total, seen)]
    return listing
