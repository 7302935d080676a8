"""The demo's gkmlpt site: the directory pages and the list API (reference/portals.md §4).

* ``/gkmlpt/index`` and ``/gkmlpt/mindex`` (no extension, as on the real sites) are the files
  ``gkmlpt/index.html`` and ``gkmlpt/mindex.html``;
* ``/gkmlpt/api/all/{category}?page={n}&sid={sid}`` answers JSON ``{classify, total, offset, articles}``
  from ``_gkmlpt/api.json`` (written by gov_reports/demo/builder/gkmlpt.py): each category's pages as
  declared there, each with the total it states; a page past them is empty; article paths become
  absolute URLs on the requested host, as the real API gives them. A category marked ``broken``
  answers the site's HTML error page with status 200, a wrong SID a JSON error without articles.
"""

from __future__ import annotations

import json
import re
from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import SplitResult, parse_qs

if TYPE_CHECKING:
    from gov_reports.demo.handler import SiteHandler

API_RE = re.compile(r"/gkmlpt/api/all/(\d+)/?")
FRONT_PAGES = {"/gkmlpt/index": "index.html", "/gkmlpt/mindex": "mindex.html", "/gkmlpt/": "index.html"}
JSON_TYPE = "application/json; charset=utf-8"


def answer(handler: SiteHandler, method: str, split: SplitResult, body: bytes) -> bool:
    if method not in ("GET", "HEAD"):
        return False
    root = handler.server.site_root
    front = FRONT_PAGES.get(split.path)
    if front is not None:
        handler._file(root / "gkmlpt" / front)
        return True
    found = API_RE.fullmatch(split.path)
    if found is None:
        return False
    data = json.loads((root / "_gkmlpt" / "api.json").read_text(encoding="utf-8"))
    query = parse_qs(split.query)
    if (query.get("sid") or [""])[0] != data["sid"]:
        _json(handler, {"code": 400, "message": "站点标识错误"})
        return True
    category = data["categories"].get(found.group(1))
    if category is None:
        _json(handler, {"classify": None, "total": 0, "offset": 0, "articles": []})
        return True
    if category.get("broken"):
        page = (root / "_gkmlpt" / "error.html").read_bytes()
        handler._send(HTTPStatus.OK, page, "text/html; charset=utf-8")
        return True
    number = (query.get("page") or ["1"])[0]
    index = int(number) - 1 if number.isdigit() and int(number) > 0 else 0
    pages = category["pages"]
    size = int(data["page_size"])
    if index < len(pages):
        total, articles = pages[index]["total"], pages[index]["articles"]
    else:
        total, articles = pages[0]["total"] if pages else 0, []
    host = handler.headers.get("Host") or "127.0.0.1"
    listed = [_absolute(article, host) for article in articles]
    _json(handler, {"classify": category["classify"], "total": total, "offset": index * size, "articles": listed})
    return True


def _absolute(article: dict[str, Any], host: str) -> dict[str, Any]:
    out = dict(article)
    for key in ("url", "post_url"):
        if isinstance(out.get(key), str) and out[key].startswith("/"):
            out[key] = f"http://{host}{out[key]}"
    return out


def _json(handler: SiteHandler, payload: dict[str, Any]) -> None:
    handler._send(HTTPStatus.OK, json.dumps(payload, ensure_ascii=False).encode("utf-8"), JSON_TYPE)
