"""The Hanweb 信息公开 module of the demo's `hanweb_xxgk` site (reference/portals.md §2.4).

* `/module/xxgk/search.jsp` (GET or POST): one page of the list whose `infotypeId`, `jdid`, `area` and
  `divid` the request names, from `<site>/_xxgk/lists.json` (written by gov_reports/demo/builder/xxgk.py).
  Parameters are read as a JSP reads them: the query string first, then the form body. The answer is the module's HTML
  fragment: rows `tr.tr_main_value_odd/even` whose link text is cut short (the `title` attribute is whole),
  and the pager 「共N条记录&nbsp;&nbsp;共N页&nbsp;&nbsp;当前第N页」. A `currpage` past the end answers the last
  page (as the module does); a list the site does not have answers an empty list (「共0条记录」).
* `/module/xxgk/xxgkAnnualReport.jsp?fbtime={YYYY}&area={code}`: the rendered page of that (year, unit),
  whatever the order of the parameters (the static file `xxgkAnnualReport.jsp@fbtime=…&area=…`); 404 for a
  pair the site has no page for.
"""

from __future__ import annotations

import html
import json
import re
from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import SplitResult, parse_qsl

if TYPE_CHECKING:
    from gov_reports.demo.handler import SiteHandler

SEARCH_PATH = "/module/xxgk/search.jsp"
ANNUAL_PATH = "/module/xxgk/xxgkAnnualReport.jsp"
LISTS_FILE = "_xxgk/lists.json"
LIST_KEYS = ("infotypeId", "jdid", "area", "divid")
SHOWN_CHARS = 24  # the list cuts titles at this length (「…」), as the module's template does
_YEAR_RE = re.compile(r"^\d{4}$")
_AREA_RE = re.compile(r"^[0-9A-Za-z-]{6,20}$")


def answer(handler: SiteHandler, method: str, split: SplitResult, body: bytes) -> bool:
    if split.path == SEARCH_PATH:
        if method not in ("GET", "HEAD", "POST"):
            handler._error(HTTPStatus.METHOD_NOT_ALLOWED)
            return True
        form = body.decode("utf-8", "replace") if method == "POST" else ""
        _search(handler, _parameters(split.query, form))
        return True
    if split.path == ANNUAL_PATH and method in ("GET", "HEAD"):
        _annual(handler, _parameters(split.query, ""))
        return True
    return False


def _parameters(query: str, form: str) -> dict[str, str]:
    """request.getParameter: the first value of each name, the query string's before the body's."""
    values: dict[str, str] = {}
    for name, value in [*parse_qsl(query, keep_blank_values=True), *parse_qsl(form, keep_blank_values=True)]:
        values.setdefault(name, value)
    return values


def _search(handler: SiteHandler, params: dict[str, str]) -> None:
    lists_file = handler.server.site_root / LISTS_FILE
    lists: list[dict[str, Any]] = (
        json.loads(lists_file.read_text(encoding="utf-8"))["lists"] if lists_file.is_file() else []
    )
    wanted = tuple(params.get(key, "").strip() for key in LIST_KEYS)
    chosen = next((entry for entry in lists if tuple(str(entry[key]) for key in LIST_KEYS) == wanted), None)
    try:
        page = max(int(params.get("currpage") or 1), 1)
    except ValueError:
        page = 1
    body = render_search(chosen["entries"] if chosen else [], int(chosen["per_page"]) if chosen else 15, page)
    handler._send(HTTPStatus.OK, body.encode("utf-8"), "text/html; charset=utf-8")


def render_search(entries: list[dict[str, str]], per_page: int, page: int) -> str:
    """One page of a search.jsp answer, in the module's table layout."""
    count = -(-len(entries) // per_page)
    page = min(page, max(count, 1))
    first = (page - 1) * per_page
    rows = []
    for index, entry in enumerate(entries[first : first + per_page]):
        title = entry["title"]
        shown = title if len(title) <= SHOWN_CHARS else title[:SHOWN_CHARS] + "…"
        kind = "tr_main_value_odd" if index % 2 == 0 else "tr_main_value_even"
        rows.append(
            f'<tr class="{kind}"><td width="8%" align="center">{first + index + 1}</td>'
            f'<td width="72%" align="left"><a href="{html.escape(entry["href"])}" target="_blank" '
            f'title="{html.escape(title)}">{html.escape(shown)}</a></td>'
            f'<td width="20%" align="center">{entry["date"]}</td></tr>'
        )
    pages = "".join(
        f'<a href="javascript:void(0)" onclick="goPage({n})">{label}</a>&nbsp;'
        for n, label in (
            (1, "首页"),
            (max(page - 1, 1), "上一页"),
            (min(page + 1, max(count, 1)), "下一页"),
            (max(count, 1), "尾页"),
        )
    )
    return (
        '<table width="100%" border="0" cellspacing="0" cellpadding="0" class="tb_main">\n'
        '<tr class="tr_main_title"><td>序号</td><td>标题</td><td>发布日期</td></tr>\n'
        + "\n".join(rows)
        + "\n</table>\n"
        '<table width="100%" border="0" cellspacing="0" cellpadding="0" class="tb_title"><tr><td align="right">'
        f"共{len(entries)}条记录&nbsp;&nbsp;共{count}页&nbsp;&nbsp;当前第{page if count else 0}页&nbsp;&nbsp;{pages}"
        "</td></tr></table>\n"
    )


def _annual(handler: SiteHandler, params: dict[str, str]) -> None:
    year, area = params.get("fbtime", ""), params.get("area", "")
    if not _YEAR_RE.match(year) or not _AREA_RE.match(area):
        handler._error(HTTPStatus.NOT_FOUND)
        return
    target = handler.server.site_root / ANNUAL_PATH.lstrip("/")
    target = target.with_name(f"{target.name}@fbtime={year}&area={area}")
    if not target.is_file():
        handler._error(HTTPStatus.NOT_FOUND)
        return
    handler._file(target)
