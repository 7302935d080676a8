"""xxgk xxgkAnnualReport.jsp views: one unit's report for one year, and the other (year, unit) pairs (see `xxgk`)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from parsel import Selector

from gov_reports.crawl.portals.base import Listing, ListingLink, PageRequest
from gov_reports.crawl.portals.xxgk.common import ANNUAL_PATH, ERROR_RE, NAME, SPACE_RE, attr, visible_text
from gov_reports.extract.text import clean_line
from gov_reports.extract.titles import is_report_title

MAX_PAIRS = 300  # (year, unit) pages asked for from one annual-report page; beyond: ended pair_limit
MAX_UNITS = 200
MAX_YEARS = 30
_YEAR_RE = re.compile(r"^(?:19|20)\d{2}$")
_YEAR_ARRAY_RE = re.compile(
    r"(?:\[|new\s+Array\s*\()\s*((?:['\"]?(?:19|20)\d{2}['\"]?\s*,\s*)*['\"]?(?:19|20)\d{2}['\"]?)\s*[\])]"
)
_YEAR_IN_TEXT_RE = re.compile(r"(?:19|20)\d{2}")
_AREA_VALUE_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z-]{5,19}$")
# What the module prints where a unit published nothing for the year.
_NO_REPORT_RE = re.compile(r"暂无|没有找到|未找到|无相关|没有相关|无数据|没有数据|尚未发布|未发布")
_NO_REPORT_MAX_CHARS = 60
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

    text = visible_text(sel)
    if ERROR_RE.search(text) and not any(word in text for word in _REPORT_WORDS):
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
        target = urljoin(url, attr(a, "href") or "")
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
            (attr(o, "value").strip(), clean_line(" ".join(o.css("::text").getall()))) for o in select.css("option")
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


def _has_report(sel: Selector) -> bool:
    """Does the page hold a report, or say there is none for this year and unit?"""
    for css in _CONTENT_CSS:
        box = sel.css(css)
        if not box:
            continue
        text = SPACE_RE.sub("", "".join(box[0].xpath(_OWN_TEXT).getall()))
        files = box[0].css("a[href], img[src]")
        if not text:
            return bool(files)  # an empty body is no report, unless it only links the report's file
        return not (len(text) <= _NO_REPORT_MAX_CHARS and _NO_REPORT_RE.search(text) and not files)
    body = sel.css("body")
    text = SPACE_RE.sub("", "".join(body[0].xpath(_OWN_TEXT).getall())) if body else ""
    if not text:
        return False
    return not (_NO_REPORT_RE.search(text) and not any(word in text for word in _REPORT_WORDS))


def _report_title(sel: Selector) -> str:
    """The report's own title on the page: ArticleTitle, a heading, the <title> (before 「_site」)."""
    candidates = sel.css('meta[name="ArticleTitle"]::attr(content)').getall()
    candidates += [clean_line(" ".join(h.css("::text").getall())) for h in sel.css("h1, h2, h3, .title, .nb_title")]
    candidates += [(sel.css("title::text").get() or "").split("_")[0]]
    return next((clean_line(c) for c in candidates if c and is_report_title(c)), "")
