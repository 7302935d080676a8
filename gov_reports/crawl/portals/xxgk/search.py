"""xxgk search.jsp lists: the query a column page carries, and the answers' rows and pager (see `xxgk`)."""

from __future__ import annotations

import hashlib
import html as html_lib
import re
from collections.abc import Iterable, Mapping
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from parsel import Selector

from gov_reports.crawl.portals.base import DATE_RE, Listing, ListingLink, PageRequest, anchors
from gov_reports.crawl.portals.xxgk.common import (
    ERROR_RE,
    NAME,
    SEARCH_IN_HTML_RE,
    SPACE_RE,
    attr,
    is_module_link,
    visible_text,
)
from gov_reports.extract.text import clean_line

MAX_PAGES = 500  # search.jsp pages of one list; beyond: ended page_limit
# A script call with the list's query as an object: $('#div').load(url, {…}), $.post(url, {…}).
_SCRIPT_CALL_RE = re.compile(r"""['"]([^'"<>]*module/xxgk/search\.jsp[^'"<>]*)['"]\s*,\s*\{([^{}]*)\}""", re.I)
# $.ajax({url: '…search.jsp…', type: 'post', data: {…}}): the url and the data in one object.
_SCRIPT_AJAX_RE = re.compile(
    r"""url\s*:\s*['"]([^'"<>]*module/xxgk/search\.jsp[^'"<>]*)['"]([^{}]*?)data\s*:\s*\{([^{}]*)\}""", re.I | re.S
)
# A bare address with its query (an iframe's src, a link, a string in a script): a GET.
_SEARCH_URL_RE = re.compile(r"""['"]([^'"<>\s]*module/xxgk/search\.jsp\?[^'"<>\s]*)['"]""", re.I)
_PAIR_RE = re.compile(r"""['"]?(\w+)['"]?\s*:\s*(?:'([^']*)'|"([^"]*)"|([^,}\s]+))""")
_TAGS_RE = re.compile(r"<[^>]+>")
# The pager's page count, read from the text with every space and &nbsp; removed.
_PAGE_COUNT_RES = (
    re.compile(r"页次[:：]?(\d+)/(\d+)"),  # 页次 1/3: (current, count)
    re.compile(r"第(\d+)/(\d+)页"),  # 第1/3页
    re.compile(r"()共(\d+)页"),  # 共3页
)
_CURRENT_PAGE_RE = re.compile(r"当前(?:第)?(\d+)页|第(\d+)页(?:/|，|,)?共")
_ROW_CSS = "tr, li"  # tr.tr_main_value_odd / tr_main_value_even rows, or the newer <li> lists


class SearchQuery:
    """The list's query as the page would send it: where, how, and the fields (currpage set per page)."""

    def __init__(self, action: str, method: str, fields: list[tuple[str, str]]) -> None:
        self.action = action
        self.method = method.upper() if method.upper() in ("GET", "POST") else "POST"
        self.fields = fields

    def key(self) -> tuple[str, str, tuple[tuple[str, str], ...]]:
        return (self.action, self.method, tuple(self.fields))

    def request(self, page: int, *, annual: str = "", previous: str = "", total: str = "") -> PageRequest:
        fields = _with_page(self.fields, page)
        parts = urlsplit(self.action)
        query = parse_qsl(parts.query, keep_blank_values=True)
        if any(k == "currpage" for k, _ in query):
            query = _with_page(query, page)
        state = {"action": self.action, "method": self.method, "form": urlencode(self.fields), "page": str(page)}
        state.update({k: v for k, v in (("annual", annual), ("previous", previous), ("total", total)) if v})
        if self.method == "GET":
            merged = dict(query)
            merged.update(fields)  # the form's fields replace the action's own query, as a browser's GET does
            target = urlunsplit(parts._replace(query=urlencode(merged), fragment=""))
            return PageRequest(url=target, adapter=NAME, state=tuple(state.items()))
        target = urlunsplit(parts._replace(query=urlencode(query), fragment=""))
        return PageRequest(url=target, method="POST", formdata=tuple(fields), adapter=NAME, state=tuple(state.items()))

    @classmethod
    def from_state(cls, state: Mapping[str, str], url: str) -> SearchQuery:
        if "action" in state:
            fields = parse_qsl(state.get("form", ""), keep_blank_values=True)
            return cls(state["action"], state.get("method", "POST"), fields)
        # A search.jsp address met without the adapter's state (a start URL): its query is the form.
        parts = urlsplit(url)
        return cls(url, "GET", parse_qsl(parts.query, keep_blank_values=True))


def _with_page(fields: list[tuple[str, str]], page: int) -> list[tuple[str, str]]:
    if not any(k == "currpage" for k, _ in fields):
        return [*fields, ("currpage", str(page))]
    return [(k, str(page) if k == "currpage" else v) for k, v in fields]


def search_queries(html: str, url: str) -> list[SearchQuery]:
    """Every search.jsp query a page carries: forms, script calls, bare addresses (first one of each kind)."""
    found: dict[tuple[str, str, tuple[tuple[str, str], ...]], SearchQuery] = {}
    sel = Selector(text=html, type="html")
    for form in sel.css("form"):
        action = attr(form, "action") or ""
        if not SEARCH_IN_HTML_RE.search(action):
            continue
        query = SearchQuery(urljoin(url, html_lib.unescape(action)), attr(form, "method") or "GET", _form_fields(form))
        found.setdefault(query.key(), query)
    scripts = "\n".join(sel.css("script::text").getall())
    for address, body in _SCRIPT_CALL_RE.findall(scripts):
        query = SearchQuery(urljoin(url, address), "POST", _script_pairs(body))
        found.setdefault(query.key(), query)
    for address, between, body in _SCRIPT_AJAX_RE.findall(scripts):
        method = "GET" if re.search(r"""type\s*:\s*['"]get['"]""", between + body, re.I) else "POST"
        query = SearchQuery(urljoin(url, address), method, _script_pairs(body))
        found.setdefault(query.key(), query)
    if not found:  # only a bare address: an iframe src, a link or a string
        for address in _SEARCH_URL_RE.findall(html):
            target = urljoin(url, html_lib.unescape(address))
            query = SearchQuery(target, "GET", parse_qsl(urlsplit(target).query, keep_blank_values=True))
            found.setdefault(query.key(), query)
    return list(found.values())


def _form_fields(form: Selector) -> list[tuple[str, str]]:
    """What a browser submits: named inputs (checked boxes only, no buttons), selects, textareas."""
    fields: list[tuple[str, str]] = []
    for element in form.xpath(".//input|.//select|.//textarea"):
        name = attr(element, "name")
        if not name:
            continue
        tag = element.root.tag
        kind = (attr(element, "type") or "text").lower()
        if tag == "input":
            if kind in ("submit", "button", "image", "reset", "file"):
                continue
            if kind in ("checkbox", "radio") and element.xpath("@checked").get() is None:
                continue
            fields.append((name, attr(element, "value")))
        elif tag == "select":
            options = element.css("option")
            chosen = next(
                (o for o in options if o.xpath("@selected").get() is not None), options[0] if options else None
            )
            if chosen is not None:
                fields.append((name, attr(chosen, "value", clean_line("".join(chosen.css("::text").getall())))))
        else:
            fields.append((name, "".join(element.css("::text").getall())))
    return fields


def _script_pairs(body: str) -> list[tuple[str, str]]:
    return [(m.group(1), next(g for g in m.groups()[1:] if g is not None)) for m in _PAIR_RE.finditer(body)]


# --------------------------------------------------------------------------- search.jsp answers


def page_count(html: str) -> tuple[int | None, int | None]:
    """(current page, page count) stated by the pager; None where the page does not say."""
    text = SPACE_RE.sub("", html_lib.unescape(_TAGS_RE.sub("", html)))
    count: int | None = None
    current: int | None = None
    for pattern in _PAGE_COUNT_RES:
        match = pattern.search(text)
        if match:
            current = int(match.group(1)) if match.group(1) else None
            count = int(match.group(2))
            break
    if current is None:
        stated = _CURRENT_PAGE_RE.search(text)
        if stated:
            current = int(stated.group(1) or stated.group(2))
    return current, count


def list_rows(html: str, url: str) -> list[ListingLink]:
    """The entries of a search.jsp answer: each row's link, title (title attribute first) and date."""
    sel = Selector(text=html, type="html")
    links: dict[str, ListingLink] = {}
    for row in sel.css(_ROW_CSS):
        if row.xpath(".//tr | .//li"):  # an outer row holding rows: its inner rows are read on their own
            continue
        for a in row.css("a[href]"):
            href = (attr(a, "href") or "").strip()
            if not href or href.startswith(("javascript:", "#", "mailto:")):
                continue
            target = urljoin(url, href)
            if urlsplit(target).scheme not in ("http", "https") or is_module_link(target):
                continue
            text = clean_line(" ".join(a.css("::text").getall()))
            title = clean_line(attr(a, "title") or attr(a, "mc") or "") or text
            if not title:
                continue
            date = attr(a, "rq") or ""
            found = DATE_RE.search(date) or DATE_RE.search(" ".join(row.xpath(".//text()[not(ancestor::a)]").getall()))
            links.setdefault(target, ListingLink(url=target, title=title, date=found.group(0) if found else None))
    if not links:  # a list written without rows (<div>/<p> entries): every document link of the answer
        for link in anchors(html, url):
            if not is_module_link(link.url):
                links.setdefault(link.url, link)
    return list(links.values())


def _digest(links: Iterable[ListingLink]) -> str:
    return hashlib.sha1("\n".join(link.url for link in links).encode("utf-8")).hexdigest()[:16]


def parse_search_answer(html: str, url: str, state: Mapping[str, str]) -> Listing:
    listing = Listing(platform=NAME, annual_column=state.get("annual") == "1")
    query = SearchQuery.from_state(state, url)
    asked = _page_number(state.get("page") or _page_in(url))
    rows = list_rows(html, url)
    current, count = page_count(html)
    area = dict(query.fields).get("area", "").strip()
    if area:  # the list is one unit's catalogue: its area code is evidence of every entry's issuer
        rows = [ListingLink(r.url, r.title, r.date, r.published, (("credit_code", area),)) for r in rows]
    if count is None and ERROR_RE.search(visible_text(Selector(text=html, type="html"))):
        listing.ended = "error_page"  # a 200 answer that is the module's error page (its links are chrome)
        return listing
    if not rows and count is None:
        listing.ended = "not_a_list"
        return listing
    digest = _digest(rows)
    if rows and digest == state.get("previous"):
        listing.ended = "repeated_page"  # the server ignores currpage and answers the same page again
        return listing
    if count is not None and 0 < count < asked:
        listing.ended = "past_total"  # the list shrank since the page before, or the page asked for is not there
        return listing
    if current is not None and current != asked and (count or 0) > 0:
        listing.ended = "page_mismatch"  # asked for page 3, the pager says page 1
        return listing
    listing.links = rows
    if count is None:
        listing.ended = "no_page_count"  # the entries are taken; with no count there is no safe next page
        return listing
    if asked < count:
        if asked >= MAX_PAGES:
            listing.ended = "page_limit"
            return listing
        listing.next_pages.append(
            query.request(asked + 1, annual=state.get("annual", ""), previous=digest, total=str(count))
        )
    return listing


def _page_in(url: str) -> str | None:
    return dict(parse_qsl(urlsplit(url).query)).get("currpage")


def _page_number(value: str | None) -> int:
    """The page asked for: currpage as given (an address may carry 「currpage=」 or junk: page 1)."""
    return int(value) if value and value.strip().isdigit() and int(value) > 0 else 1
