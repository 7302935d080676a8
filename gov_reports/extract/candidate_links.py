"""Which links of a listing may lead to a report (broad: the decision is made on the fetched page), and
whether a page is a column of annual reports."""

from __future__ import annotations

import re
from typing import Literal
from urllib.parse import urlsplit

from gov_reports.extract.text import match_form
from gov_reports.extract.title_kinds import (
    ANNUAL_REPORT_RE,
    BARE_YEAR_RE,
    CONTACT_RE,
    DISCLOSURE_RE,
    FILE_RE,
    LINK_REFUSALS,
    NAVIGATION_RE,
    NEWS_RE,
    OTHER_LABEL_RE,
    REPORT_WORD_RE,
    SUBCOLUMN_NAME_RE,
    TRUNCATED_RE,
    YEAR_RE,
    compact_title,
    title_kind,
)
from gov_reports.extract.titles import is_report_title

# --------------------------------------------------------------------------- candidates

LinkVerdict = Literal["candidate", "trap"]


def is_navigation(title: str) -> bool:
    """首页, 更多, 下一页, page numbers, contact and footer links."""
    text = match_form(title).strip("»>›·|-_")
    return not text or bool(NAVIGATION_RE.match(text)) or bool(CONTACT_RE.search(text))


def is_file_url(url: str) -> bool:
    """A link to a document file (.pdf, .doc, .docx, .wps, .xls, .ofd…), by its path."""
    return bool(FILE_RE.search(urlsplit(url).path))


_ARTICLE_URL_RE = re.compile(
    r"(?:t\d{8}_\d+|art_\d+_\d+|post_\d+|content_\d+|\d{5,}|[0-9a-f]{16,}|detail|content|show|article|view)[^/]*$", re.I
)
_COLUMN_URL_RE = re.compile(r"(?:/|index(?:_\d+)?\.s?html?|list(?:_\d+)?\.s?html?|default\.\w+|col\d+/?[^/]*)$", re.I)


# A dated directory (/2022/0128/, /202203/, /2024/1/23/) above a numbered file: where CMSes keep articles.
_DATED_ARTICLE_RE = re.compile(r"/(?:19|20)\d{2}(?:[01]\d)?(?:/\d{1,4}){0,2}/(?:[^/]+/)*[^/]*\d+[^/]*\.\w+$")


_DOCUMENT_QUERY_RE = re.compile(r"(?:^|&)(?:id|articleid|infoid|contentid|docid|fbtime|year|nd)=\w+", re.I)


def is_article_url(url: str) -> bool:
    """An article's address (t20220128_5021.html, art_4971_1011.html, /2022/0125/4101.html…), not a column's."""
    parts = urlsplit(url)
    if _COLUMN_URL_RE.search(parts.path):
        return False
    if _ARTICLE_URL_RE.search(parts.path) or _DATED_ARTICLE_RE.search(parts.path):
        return True
    # A dynamic page naming one document: ?id=123, ?articleId=…, xxgkAnnualReport.jsp?fbtime=2021&area=… (one year's).
    return bool(parts.query and _DOCUMENT_QUERY_RE.search(parts.query))


def link_verdict(title: str, url: str, in_annual_column: bool) -> LinkVerdict | None:
    """'candidate' (fetch it and decide on the page), 'trap' (a §9 look-alike by its title alone) or None.

    `in_annual_column`: the listing is a 年报 column (its name, its path, or how it was reached);
    there, bare years, file links and any title naming a year or 年度 are candidates too.
    """
    text = compact_title(title)
    if is_navigation(text) or OTHER_LABEL_RE.match(text):
        return None
    if SUBCOLUMN_NAME_RE.match(text):
        return None  # 「部门年报」, 「乡镇年报」: a (sub-)column, read as a list page or found by discovery
    kind = title_kind(text)
    if kind in LINK_REFUSALS and (REPORT_WORD_RE.search(text) or "报表" in text or YEAR_RE.search(text)):
        return "trap"  # a document's title (a column named 「政府信息公开制度」 is only navigation)
    if is_report_title(text):
        return "candidate"
    if _COLUMN_URL_RE.search(urlsplit(url).path):
        return None  # a column's address (…/, index.html, list.html): a 「2022年度」 sub-column, never a report page
    if NEWS_RE.search(text) and not ANNUAL_REPORT_RE.search(text):
        return None
    annual = bool(YEAR_RE.search(text)) or "年度" in text
    disclosure = bool(DISCLOSURE_RE.search(text))
    if ANNUAL_REPORT_RE.search(text) or (disclosure and (annual or REPORT_WORD_RE.search(text))):
        return "candidate"
    if TRUNCATED_RE.search(text) and (annual or disclosure or REPORT_WORD_RE.search(text)):
        return "candidate"  # 「平潭综合实验区2021年度政府信…」: the list cut the title; the page has it whole
    if in_annual_column and (is_file_url(url) or (annual and (is_article_url(url) or not BARE_YEAR_RE.match(text)))):
        return "candidate"  # a bare 「2021年」 only where it points at an article: elsewhere it names a sub-column
    return None


def is_candidate_link(title: str, url: str, in_annual_column: bool) -> bool:
    """True when the link may be a report and the page must be fetched to decide."""
    return link_verdict(title, url, in_annual_column) == "candidate"


# Names of a 年报 column in a listing page's <title> or breadcrumb (portals.md §1).
_ANNUAL_COLUMN_NAME_RE = re.compile(
    r"(?:信息公开|政务公开)(?:工作)?(?:年度报告|年报)|年度报告|[^\w]?年报(?:专栏|栏目)?(?:$|[_\-|>])"
)
# Path tokens of 年报 columns (portals.md §1).
_ANNUAL_PATH_RE = re.compile(
    r"(?:^|/)(?:[a-z]*xxgk[a-z]*nb|gknb|[a-z]*ndbg[a-z]*|nb|bmnb|xinxigongkainianbao|nianbao)(?:/|$|_|\.)|"
    r"OpennessAnnualReport|AnnualReport",
    re.I,
)
_HTML_TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_BREADCRUMB_RE = re.compile(r"(?:当前位置|您的位置|所在位置|当前栏目|您现在的位置)\s*(?:[:：]|&nbsp;)(.{0,600})", re.S)
_TAG_RE = re.compile(r"<[^>]+>")


def is_annual_column_page(html: str, url: str) -> bool:
    """The listing page is a 年报 column: its <title>, breadcrumb or path says so."""
    if _ANNUAL_PATH_RE.search(urlsplit(url).path):
        return True
    names: list[str] = []
    title = _HTML_TITLE_RE.search(html[:20000])
    if title:
        names.append(title.group(1))
    crumb = _BREADCRUMB_RE.search(html)
    if crumb:
        names.append(_TAG_RE.sub(" ", crumb.group(1)).split("\n")[0])
    return any(_ANNUAL_COLUMN_NAME_RE.search(match_form(name.replace("&nbsp;", " "))) for name in names)
