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
"""

from __future__ import annotations

import hashlib
import html as html_lib
import re
from collections.abc import Iterable, Mapping
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from parsel import Selector

from gov_reports.crawl.portals import generic, hanweb
from gov_reports.crawl.portals.base import DATE_RE, Listing, ListingLink, PageRequest, anchors, unique_by_url
from gov_reports.crawl.portals.discovery import is_column_name
from gov_reports.extract.text import clean_line
from gov_reports.extract.titles import is_report_title

NAME = "xxgk"
SEARCH_PATH = "/module/xxgk/search.jsp"
ANNUAL_PATH = "/module/xxgk/xxgkAnnualReport.jsp"
MAX_PAGES = 500  # search.jsp pages of one list; beyond: ended page_limit
MAX_PAIRS = 300  # (year, unit) pages asked for from one annual-report page; beyond: ended pair_limit
MAX_UNITS = 200
MAX_YEARS = 30

_SEARCH_IN_HTML_RE = re.compile(r"module/xxgk/search\.jsp", re.I)
_ANNUAL_IN_HTML_RE = re.compile(r"xxgkAnnualReport\.jsp", re.I)
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
_SPACE_RE = re.compile(r"[\s\u00a0\u3000]+")
# The pager's page count, read from the text with every space and &nbsp; removed.
_PAGE_COUNT_RES = (
    re.compile(r"页次[:：]?(\d+)/(\d+)"),  # 页次 1/3: (current, count)
    re.compile(r"第(\d+)/(\d+)页"),  # 第1/3页
    re.compile(r"()共(\d+)页"),  # 共3页
)
_CURRENT_PAGE_RE = re.compile(r"当前(?:第)?(\d+)页|第(\d+)页(?:/|，|,)?共")
_ROW_CSS = "tr, li"  # tr.tr_main_value_odd / tr_main_value_even rows, or the newer <li> lists
_YEAR_RE = re.compile(r"^(?:19|20)\d{2}$")
_YEAR_ARRAY_RE = re.compile(
    r"(?:\[|new\s+Array\s*\()\s*((?:['\"]?(?:19|20)\d{2}['\"]?\s*,\s*)*['\"]?(?:19|20)\d{2}['\"]?)\s*[\])]"
)
_YEAR_IN_TEXT_RE = re.compile(r"(?:19|20)\d{2}")
_AREA_VALUE_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z-]{5,19}$")
# What the module prints where a unit published nothing for the year.
_NO_REPORT_RE = re.compile(r"暂无|没有找到|未找到|无相关|没有相关|无数据|没有数据|尚未发布|未发布")
_NO_REPORT_MAX_CHARS = 60
# The module's own error answers (a 200 page instead of the list).
_ERROR_RE = re.compile(r"系统繁忙|系统错误|系统异常|出错了|访问出错|请求错误|参数错误|Exception|Error\s*\d{3}", re.I)
_LABELLED_DATE_RE = re.compile(
    r"(?:发布|公开|生成|成文)(?:日期|时间)\s*[:：]\s*((?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)"
)
# Text that is the report's, not the page's: no script, no tab or unit chooser.
_OWN_TEXT = ".//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::select) and not(ancestor::a)]"
_CONTENT_CSS = (
    "#zoom",
    ".zoom",
    ".nb_content",
    ".bt_content",
    ".article-content",
    ".article_content",
    "#content",
    ".content",
)
# Words a report body has and a chrome-only page lacks (when no content container can be found).
_REPORT_WORDS = ("主动公开", "依申请", "统计期限", "政府信息公开条例")


def matches(html: str, url: str) -> bool:
    path = urlsplit(url).path.lower()
    if path.endswith((SEARCH_PATH.lower(), ANNUAL_PATH.lower())):
        return True
    return bool(_SEARCH_IN_HTML_RE.search(html) or _ANNUAL_IN_HTML_RE.search(html))


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
    listing.links += [link for link in anchors(html, url) if not _is_module_link(link.url)]
    for query in search_queries(html, url):
        listing.next_pages.append(query.request(1, annual=annual))
    for link in anchors(html, url):
        if urlsplit(link.url).path.lower().endswith(ANNUAL_PATH.lower()):
            listing.next_pages.append(PageRequest(url=link.url.split("#")[0], adapter=NAME))
    # As for the other CMS pages: the generic 下一页 and sub-column links of the column page itself.
    listing.next_pages = unique_by_url(listing.next_pages + generic.parse(html, url, {}).next_pages)
    listing.links = list(dict.fromkeys(listing.links))
    return listing


def _is_module_link(url: str) -> bool:
    # The module's own scripts (search.jsp, the annual-report view, the tree) are list pages, not documents.
    return "/module/xxgk/" in urlsplit(url).path.lower()


def _is_annual_column(html: str) -> bool:
    """The column page names itself a 年报 column (ColumnName meta, or the <title> before 「_site」)."""
    sel = Selector(text=html, type="html")
    names = sel.css('meta[name="ColumnName"]::attr(content)').getall()
    names += [(sel.css("title::text").get() or "").split("_")[0]]
    return any(is_column_name(name) for name in names if name)


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
        action = _attr(form, "action") or ""
        if not _SEARCH_IN_HTML_RE.search(action):
            continue
        query = SearchQuery(urljoin(url, html_lib.unescape(action)), _attr(form, "method") or "GET", _form_fields(form))
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
        name = _attr(element, "name")
        if not name:
            continue
        tag = element.root.tag
        kind = (_attr(element, "type") or "text").lower()
        if tag == "input":
            if kind in ("submit", "button", "image", "reset", "file"):
                continue
            if kind in ("checkbox", "radio") and element.xpath("@checked").get() is None:
                continue
            fields.append((name, _attr(element, "value")))
        elif tag == "select":
            options = element.css("option")
            chosen = next(
                (o for o in options if o.xpath("@selected").get() is not None), options[0] if options else None
            )
            if chosen is not None:
                fields.append((name, _attr(chosen, "value", clean_line("".join(chosen.css("::text").getall())))))
        else:
            fields.append((name, "".join(element.css("::text").getall())))
    return fields


def _attr(element: Selector, name: str, default: str = "") -> str:
    """One attribute, by XPath: `.attrib` builds every attribute and fails on names lxml cannot give back."""
    value = element.xpath(f"@{name}").get()
    return default if value is None else value


def _script_pairs(body: str) -> list[tuple[str, str]]:
    return [(m.group(1), next(g for g in m.groups()[1:] if g is not None)) for m in _PAIR_RE.finditer(body)]


# --------------------------------------------------------------------------- search.jsp answers


def page_count(html: str) -> tuple[int | None, int | None]:
    """(current page, page count) stated by the pager; None where the page does not say."""
    text = _SPACE_RE.sub("", html_lib.unescape(_TAGS_RE.sub("", html)))
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
            href = (_attr(a, "href") or "").strip()
            if not href or href.startswith(("javascript:", "#", "mailto:")):
                continue
            target = urljoin(url, href)
            if urlsplit(target).scheme not in ("http", "https") or _is_module_link(target):
                continue
            text = clean_line(" ".join(a.css("::text").getall()))
            title = clean_line(_attr(a, "title") or _attr(a, "mc") or "") or text
            if not title:
                continue
            date = _attr(a, "rq") or ""
            found = DATE_RE.search(date) or DATE_RE.search(" ".join(row.xpath(".//text()[not(ancestor::a)]").getall()))
            links.setdefault(target, ListingLink(url=target, title=title, date=found.group(0) if found else None))
    if not links:  # a list written without rows (<div>/<p> entries): every document link of the answer
        for link in anchors(html, url):
            if not _is_module_link(link.url):
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
    if count is None and _ERROR_RE.search(_visible_text(Selector(text=html, type="html"))):
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


# --------------------------------------------------------------------------- xxgkAnnualReport.jsp


def parse_annual_report(html: str, url: str, state: Mapping[str, str]) -> Listing:
    listing = Listing(platform=NAME, annual_column=True)
    params = dict(parse_qsl(urlsplit(url).query, keep_blank_values=True))
    year, area = params.get("fbtime", "").strip(), params.get("area", "").strip()
    sel = Selector(text=html, type="html")
    years, units, pairs = annual_choices(sel, url)
    if _YEAR_RE.match(year):
        years = [year, *[y for y in years if y != year]]
    if area:
        units.setdefault(area, "")
        units = {area: units[area], **units}

    text = _visible_text(sel)
    if _ERROR_RE.search(text) and not any(word in text for word in _REPORT_WORDS):
        listing.ended = "error_page"  # the module's own error answer, not a view
    elif not _has_report(sel):
        listing.ended = "no_report_for_year"
    else:
        name = units.get(area) or ""
        evidence: list[tuple[str, str]] = []
        if area:
            evidence.append(("credit_code", area))
        if name:
            evidence.append(("publisher", name))
        title = _report_title(sel) or (
            f"{name}{year}年政府信息公开工作年度报告" if name and _YEAR_RE.match(year) else ""
        )
        date = _LABELLED_DATE_RE.search(text)
        listing.page_report = ListingLink(
            url=url.split("#")[0], title=title, date=date.group(1) if date else None, evidence=tuple(evidence)
        )

    known_years = set(filter(None, state.get("years", "").split(",")))
    known_areas = set(filter(None, state.get("areas", "").split(",")))
    wanted = [(y, a) for y in years[:MAX_YEARS] for a in list(units)[:MAX_UNITS]]
    wanted += [p for p in pairs if p not in wanted]
    fresh = [(y, a) for y, a in wanted if (y, a) != (year, area) and not (y in known_years and a in known_areas)]
    if len(fresh) > MAX_PAIRS or len(years) > MAX_YEARS or len(units) > MAX_UNITS:
        fresh = fresh[:MAX_PAIRS]
        listing.ended = listing.ended or "pair_limit"
    next_state = (
        ("years", ",".join(sorted(known_years | set(years[:MAX_YEARS])))),
        ("areas", ",".join(sorted(known_areas | set(list(units)[:MAX_UNITS])))),
    )
    listing.next_pages = [PageRequest(url=_annual_url(url, y, a), adapter=NAME, state=next_state) for y, a in fresh]
    return listing


def annual_choices(sel: Selector, url: str) -> tuple[list[str], dict[str, str], list[tuple[str, str]]]:
    """(years, units area -> name, explicit (year, area) pairs) an annual-report page offers."""
    years: list[str] = []
    units: dict[str, str] = {}
    pairs: list[tuple[str, str]] = []
    for a in sel.css("a[href]"):
        target = urljoin(url, _attr(a, "href") or "")
        if not urlsplit(target).path.lower().endswith(ANNUAL_PATH.lower()):
            continue
        params = dict(parse_qsl(urlsplit(target).query, keep_blank_values=True))
        y, code = params.get("fbtime", "").strip(), params.get("area", "").strip()
        if _YEAR_RE.match(y) and y not in years:
            years.append(y)
        if code and _AREA_VALUE_RE.match(code):
            text = clean_line(" ".join(a.css("::text").getall()))
            # A unit's link is named by the unit; a year tab (「2024年度」) names no one.
            name = "" if _YEAR_IN_TEXT_RE.search(text) else text
            if name and not units.get(code):
                units[code] = name
            units.setdefault(code, "")
            if _YEAR_RE.match(y):
                pairs.append((y, code))
    for select in sel.css("select"):
        options = [
            (_attr(o, "value").strip(), clean_line(" ".join(o.css("::text").getall()))) for o in select.css("option")
        ]
        values = [v for v, _ in options if v]
        if values and all(_YEAR_RE.match(v) for v in values):
            years += [v for v in values if v not in years]
        elif values and all(_AREA_VALUE_RE.match(v) for v in values):
            for value, text in options:
                if value and not units.get(value):
                    units[value] = text
    scripts = "\n".join(sel.css("script::text").getall())
    for body in _YEAR_ARRAY_RE.findall(scripts):
        years += [y for y in re.findall(r"(?:19|20)\d{2}", body) if y not in years]
    pairs = list(dict.fromkeys(pairs))
    return sorted(years, reverse=True), units, pairs


def _annual_url(url: str, year: str, area: str) -> str:
    """The page's own address with another year and unit, its other parameters and their order kept."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    names = [k for k, _ in query]
    values = {"fbtime": year, "area": area}
    query = [(k, values.get(k, v)) for k, v in query]
    query += [(k, v) for k, v in values.items() if k not in names]
    return urlunsplit(parts._replace(query=urlencode(query), fragment=""))


def _visible_text(sel: Selector) -> str:
    parts = sel.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)]").getall()
    return clean_line(" ".join(parts))


def _has_report(sel: Selector) -> bool:
    """Does the page hold a report, or say there is none for this year and unit?"""
    for css in _CONTENT_CSS:
        box = sel.css(css)
        if not box:
            continue
        text = _SPACE_RE.sub("", "".join(box[0].xpath(_OWN_TEXT).getall()))
        files = box[0].css("a[href], img[src]")
        if not text:
            return bool(files)  # an empty body is no report, unless it only links the report's file
        return not (len(text) <= _NO_REPORT_MAX_CHARS and _NO_REPORT_RE.search(text) and not files)
    body = sel.css("body")
    text = _SPACE_RE.sub("", "".join(body[0].xpath(_OWN_TEXT).getall())) if body else ""
    if not text:
        return False
    return not (_NO_REPORT_RE.search(text) and not any(word in text for word in _REPORT_WORDS))


def _report_title(sel: Selector) -> str:
    """The report's own title on the page: ArticleTitle, a heading, the <title> (before 「_site」)."""
    candidates = sel.css('meta[name="ArticleTitle"]::attr(content)').getall()
    candidates += [clean_line(" ".join(h.css("::text").getall())) for h in sel.css("h1, h2, h3, .title, .nb_title")]
    candidates += [(sel.css("title::text").get() or "").split("_")[0]]
    return next((clean_line(c) for c in candidates if c and is_report_title(c)), "")
