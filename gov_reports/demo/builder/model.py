"""The demo's declarations: a site, a column (list) on it, a page, and a report's ground truth.

The site modules declare their pages and reports with these; `render` writes the pages and `expected`
the ground truth from the same objects, so pages and expected.json cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gov_reports.paths import DATA_DIR

# Where the builder writes: the checkout's data/demo (the wheel ships a copy of it, gov_reports/paths.py).
DEMO = DATA_DIR / "demo"
SRC = DEMO / "src"  # the seed-derived bodies and the committed .doc (data/demo/README.md)
# A 1x1 transparent PNG: the "table as image" on the partial copy.
PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)


@dataclass
class Site:
    """One demo host."""

    key: str
    style: str  # hanweb | trs | generic
    name: str  # SiteName
    domain: str  # the real-world domain it imitates (only printed in chrome)
    idcode: str  # SiteIDCode / 网站标识码
    charset: str | None  # HTTP charset; None = only <meta http-equiv> (the GBK site)
    encoding: str  # file encoding
    sponsor: str
    undertaker: str
    icp: str
    police: str
    robots: str = "User-agent: *\nDisallow:\n"
    intro: str = "走进虎林"  # generic sites: the 走进… menu item
    errors: dict[str, int] = field(default_factory=dict)
    # path -> how the server sends that file: Content-Disposition name and charset, Content-Type,
    # or a cut-off body ("send_bytes": fewer bytes than the Content-Length it announces).
    downloads: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Pages that list sub-columns instead of reports (a 年报 hub column, 部门年报 → departments): path ->
    # (title, breadcrumb, [(link text, href)]); rendered as generic menus.
    hubs: dict[str, tuple[str, list[str], list[tuple[str, str]]]] = field(default_factory=dict)
    home_links: list[tuple[str, str]] | None = None  # the home page's links, when not the columns themselves
    start: list[str] | None = None  # start paths (sites.json), when not every column's


@dataclass
class Column:
    """A list of links: a Hanweb column, a TRS column or a generic list."""

    site: str
    key: str
    name: str
    path: str  # the start URL path (first list page)
    crumb: list[str]
    per_page: int
    scheme: str  # hanweb | trs-classic | trs-6arg | generic
    columnid: int = 0
    unitid: str = ""


@dataclass
class Page:
    """One detail page and the list entries that link to it."""

    site: str
    path: str  # site-relative; for TRS the list links to it relatively
    title: str
    body: str  # HTML of the content
    lists: list[tuple[str, str]]  # (column key, list date) — twice = listed twice
    pubdate: str | None = None  # PubDate meta, e.g. "2021-03-05 13:32"
    label_date: str | None = None  # the date in the 日期/发布日期 line
    source: str = ""  # 来源
    meta_table: dict[str, str] | None = None  # the 信息公开 metadata block
    crumb_tail: list[str] = field(default_factory=list)
    after_content: str = ""  # inside the container but after the content markers
    tail: str = ""  # at the very end of <body>, after the chatbot
    attach_text: str = ""  # 年报下载 line (text only)
    exists: bool = True  # False: listed but absent (404)
    list_title: str | None = None  # the list's link text when it differs from the title
    related: list[str] = field(default_factory=list)  # paths of related pages (相关文章)
    extra_files: dict[str, bytes] = field(default_factory=dict)
    attachments: list[tuple[str, str]] = field(default_factory=list)  # (href, link text) after the body
    attach_label: str = "附件："  # the caption before the attachment links
    file: bytes | None = None  # the path serves this file (a report published only as a file)
    platform_published: str | None = None  # the portal platform's publish date (gkmlpt's API), YYYY-MM-DD


@dataclass
class Report:
    """Ground truth for one (issuer, year) report."""

    issuer: str
    year: int
    fmt: str
    pages: list[str]  # page paths (site-relative) where the report is found
    best: str
    spam: list[str] = field(default_factory=list)
    note: str = ""
    t3: tuple[str, dict[str, list[int]]] | None = None  # (fmt, spec) of the winning copy
    files: list[tuple[str, str]] = field(default_factory=list)  # (linked path, served path) of files read
    converter: bool = False  # a file needs LibreOffice or antiword (DOC/WPS): its numbers need them too
    linked_from: list[str] = field(default_factory=list)  # pages that only link the file (「详见附件」)
    # The report's page is also a list page (a platform's per-year, per-issuer view such as xxgkAnnualReport.jsp):
    # fetched as a list on every crawl, so never revalidated with a conditional request.
    listing_page: bool = False
    evidence: dict[str, str] = field(default_factory=dict)  # what the platform says of the issuer (issuer_evidence)


def seed(name: str) -> list[str]:
    return (SRC / name).read_text(encoding="utf-8").splitlines()


# A site's ground truth: its pages, its reports and its traps (each a dict as expected.json lists it).
Truth = tuple[list[Page], list[Report], list[dict[str, str]]]
