"""The demo's JPaaS site: the unitbuild list endpoint (reference/portals.md §2.5).

``/api-gateway/jpaas-publish-server/front/page/build/unit`` (GET with a query, or POST with a form) answers
from ``_jpaas/units.json`` (written by gov_reports/demo/builder/jpaas.py), per ``pageId``:

* the parameters the column page's queryData names (webId, tplSetId, tagId, pageType, parseType) must be
  the unit's, and ``paramJson`` must be JSON with a pageNo, else ``{"success": false, "data": {}}`` (as the
  real endpoint answers a request it cannot build: no ``html``);
* the unit's entries are cut into pages by the asked ``pageSize`` (15 when absent) and the asked page is
  answered as ``{"success": true, "data": {"html": "<ul>…</ul>"[, "total": N]}}`` (``total`` only for units
  that state it);
* past the last page: an empty list, or (``past_end: "repeat"``) the last page again, as servers that clamp
  pageNo do;
* a ``broken`` unit answers the site's HTML error page with status 200.
"""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import SplitResult, parse_qsl

if TYPE_CHECKING:
    from gov_reports.demo.handler import SiteHandler

UNIT_PATH = "/api-gateway/jpaas-publish-server/front/page/build/unit"
JSON_TYPE = "application/json;charset=UTF-8"
CHECKED = ("webId", "tplSetId", "tagId", "pageType", "parseType")


def answer(handler: SiteHandler, method: str, split: SplitResult, body: bytes) -> bool:
    if split.path != UNIT_PATH or method not in ("GET", "HEAD", "POST"):
        return False
    params = dict(parse_qsl(split.query, keep_blank_values=True))
    if method == "POST":
        params.update(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
    root = handler.server.site_root
    data = json.loads((root / "_jpaas" / "units.json").read_text(encoding="utf-8"))
    unit = data["units"].get(params.get("pageId", ""))
    if unit is None or any(params.get(key) != unit[key] for key in CHECKED):
        _json(handler, {"success": False, "code": "400", "msg": "参数错误", "data": {}})
        return True
    if unit.get("broken"):
        handler._send(HTTPStatus.OK, (root / "_jpaas" / "error.html").read_bytes(), "text/html;charset=UTF-8")
        return True
    page_no, size = _paging(params.get("paramJson", ""))
    if page_no is None or size is None:
        _json(handler, {"success": False, "code": "400", "msg": "paramJson 参数错误", "data": {}})
        return True
    entries: list[str] = unit["entries"]
    pages = max(1, -(-len(entries) // size))
    if page_no > pages and unit.get("past_end") == "repeat":
        page_no = pages
    chosen = entries[(page_no - 1) * size : page_no * size]
    fragment = '<div class="list-content"><ul class="list">\n' + "\n".join(chosen) + "\n</ul></div>"
    payload: dict[str, Any] = {"html": fragment}
    if unit.get("states_total"):
        payload["total"] = len(entries)
    _json(handler, {"success": True, "code": "200", "msg": "操作成功", "data": payload})
    return True


def _paging(param_json: str) -> tuple[int | None, int | None]:
    try:
        param = json.loads(param_json)
    except ValueError:
        return None, None
    if not isinstance(param, dict):
        return None, None
    page_no, size = str(param.get("pageNo", "")), str(param.get("pageSize", "15"))
    if not page_no.isdigit() or not size.isdigit() or int(page_no) < 1 or int(size) < 1:
        return None, None
    return int(page_no), int(size)


def _json(handler: SiteHandler, payload: dict[str, Any]) -> None:
    handler._send(HTTPStatus.OK, json.dumps(payload, ensure_ascii=False).encode("utf-8"), JSON_TYPE)
