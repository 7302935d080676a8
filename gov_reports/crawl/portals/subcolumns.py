"""Sub-columns of a 年报 column: per year, per level (市本级 / 部门 / 乡镇), per department.

Many 年报 columns list sub-columns instead of reports (重庆's 区政府年报 → 部门年报 → 区教育委员会 …,
Harbin's 2020年 → 市本级; reference/portals.md §1). On a column page, a same-host link is a sub-column
when it is named like a level or a year (「部门年报」, 「2022年度」) or its path carries a 年报 token
(`bmnb/`, `zfxxgknb/`) — wherever it points, as Hanweb's sub-columns are sibling `/col/col{id}/`
directories — or when it stays inside the column's own directory and is named like a body
(「区教育委员会」, 「九龙镇」: per-department sub-columns; outside the directory such names are
navigation). Report pages and files are never sub-columns: they are report candidates.
"""

from __future__ import annotations

import re
from posixpath import dirname
from urllib.parse import urlsplit

from gov_reports.crawl.portals.base import ListingLink

# Level and year sub-columns, spaces removed (not 「政府信息公开年报」 itself: on a sub-column that names the parent).
LEVEL_NAME_RE = re.compile(
    r"^(?:(?:19|20)\d{2}年度?(?:年报|年度报告)?|(?:市|区|县|旗)(?:本级|政府)(?:年报)?|部门(?:年报)?|"
    r"(?:区县|县区|县市区|市县)(?:\(市\)|（市）)?(?:年报)?|(?:乡镇|镇街|镇|乡|街道)(?:街道|（街道）)?(?:年报)?|"
    r"(?:区|县|市)?政府部门(?:年报)?|市直(?:部门|单位)(?:年报)?)$"
)
# A body's name: what departments and townships are called (a department sub-column is named after its body).
BODY_NAME_RE = re.compile(
    r"^[\u4e00-\u9fff]{1,16}(?:局|委|委员会|办|办公室|中心|厅|署|院|管委会|管理委员会|人民政府|政府|镇|乡|街道|街道办事处|办事处)$"
)
# Path tokens of 年报 columns (portals.md §1), as a directory or a file stem; the second set names the
# sub-columns of one (部门年报 bmnb, 乡镇 xjnb/zjnb, 街道 jdnb, 区/市政府 qzfnb/szfnb), taken only inside a column.
COLUMN_TOKEN_RE = re.compile(
    r"/(?:zfxxgknb|xxgknb|gknb|ndbg|zfxxgkndbg|zfxxgkgzndbg|zfxxgkgzndbgbm|zwxxgknb|xinxigongkainianbao|"
    r"OpennessAnnualReport)(?:/|_\d+/|\.s?html?$)",
    re.I,
)
PATH_TOKEN_RE = re.compile(
    COLUMN_TOKEN_RE.pattern.replace(")(?:/", "|bmnb|bmxxgknb|xjnb|zjnb|jdnb|qzfnb|szfnb)(?:/", 1),
    re.I,
)
# Detail pages of the common CMSs: reports, not columns.
DETAIL_RE = re.compile(
    r"(?:/t\d{8}_\d+\.s?html?$|/art_\d+_\d+\.html$|/post_\d+\.html$|/content_\d+\.s?html?$|/\d{4,}\.s?html?$|"
    r"/[0-9a-f]{32}\.s?html?$|\.(?:pdf|docx?|wps|xlsx?|et|zip|rar)$)",
    re.I,
)
_NOT_A_COLUMN_WORDS = ("报告", "首页", "上一页", "下一页", "尾页", "更多")
_TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.S | re.I)
_COLUMN_TITLE_RE = re.compile(r"信息公开(?:工作)?年(?:度)?报|年度报告|年报")


def looks_like_annual_column(url: str, html: str) -> bool:
    """A start page that is itself a 年报 column (by its path token or its <title>), though it lists no report
    directly: its sub-columns are worth descending. A home page is not."""
    if PATH_TOKEN_RE.search(urlsplit(url).path):
        return True
    title = _TITLE_RE.search(html[:20000])
    return bool(title and _COLUMN_TITLE_RE.search("".join(title.group(1).split())))


def _name(title: str) -> str:
    return "".join(title.split()).strip("»>›·|【】[]")


def _column_dir(url: str) -> str:
    path = urlsplit(url).path or "/"
    return path if path.endswith("/") else dirname(path) + "/"


def is_subcolumn_name(title: str) -> bool:
    """「部门年报」, 「2022年度」, 「区教育委员会」, 「九龙镇」: a sub-column's name (not a report title)."""
    name = _name(title)
    if not name or len(name) > 20 or any(word in name for word in _NOT_A_COLUMN_WORDS):
        return False
    return bool(LEVEL_NAME_RE.match(name) or BODY_NAME_RE.match(name))


def subcolumn_links(links: list[ListingLink] | tuple[ListingLink, ...], page_url: str) -> list[ListingLink]:
    """The links of a 年报 column page that lead to its sub-columns, in page order, each once."""
    here = urlsplit(page_url)
    column_dir = _column_dir(page_url)
    found: dict[str, ListingLink] = {}
    for link in links:
        target = urlsplit(link.url)
        url = link.url.split("#")[0]
        if target.netloc != here.netloc or url == page_url.split("#")[0] or DETAIL_RE.search(target.path):
            continue
        name = _name(link.title)
        if not name or len(name) > 20 or any(word in name for word in _NOT_A_COLUMN_WORDS):
            continue
        inside = target.path.startswith(column_dir)
        if not inside and column_dir.startswith(_column_dir(link.url)):
            continue  # up the tree: the parent column (the breadcrumb), not a sub-column
        token = PATH_TOKEN_RE.search(target.path[len(column_dir) - 1 :] if inside else target.path)
        if LEVEL_NAME_RE.match(name) or (token and not inside) or (inside and (token or BODY_NAME_RE.match(name))):
            found.setdefault(url, link)
    return list(found.values())
