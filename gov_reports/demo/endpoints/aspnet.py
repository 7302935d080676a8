"""The demo's ASP.NET WebForms site: GridView paging by postback.

A GET of a list (``/gk/default.aspx``) is its static first page. A POST to it is a postback, checked as
ASP.NET checks one against ``_aspnet/postbacks.json`` (written by gov_reports/demo/builder/aspnet.py), which holds
per list the pages it renders, each with its ``__VIEWSTATE``, its ``__EVENTVALIDATION`` and the postbacks
(event target, argument) it offers:

* ``__VIEWSTATE`` must be one the list issued (else 500, 「状态信息无效」: the state did not come back);
* ``__EVENTVALIDATION`` must be the one issued with that view state, and (``__EVENTTARGET``,
  ``__EVENTARGUMENT``) one of the postbacks that page offered (else 500, 「回发或回调参数无效」);
* ``Page$N`` answers page N; the 下一页 button answers the page after the posting one, or the last page
  again when posted from the last page (its 下一页 is never disabled).
"""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import TYPE_CHECKING
from urllib.parse import SplitResult, parse_qsl

if TYPE_CHECKING:
    from gov_reports.demo.handler import SiteHandler

HTML_TYPE = "text/html; charset=utf-8"
ERROR_PAGE = (
    "<html><head><title>运行时错误</title></head><body><h1>“/”应用程序中的服务器错误。</h1>"
    "<h2><i>{message}</i></h2></body></html>"
)


def answer(handler: SiteHandler, method: str, split: SplitResult, body: bytes) -> bool:
    if method != "POST":
        return False  # GETs are the static pages (a list's first page, the report pages)
    root = handler.server.site_root
    lists = json.loads((root / "_aspnet" / "postbacks.json").read_text(encoding="utf-8"))
    pages = lists.get(split.path)
    if pages is None:
        return False
    form = dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
    posting = next((i for i, page in enumerate(pages) if page["viewstate"] == form.get("__VIEWSTATE")), None)
    if posting is None:
        _error(handler, "状态信息无效，可能已损坏。")
        return True
    page = pages[posting]
    event = [form.get("__EVENTTARGET", ""), form.get("__EVENTARGUMENT", "")]
    if form.get("__EVENTVALIDATION") != page["eventvalidation"] or event not in page["postbacks"]:
        _error(handler, "回发或回调参数无效。")
        return True
    argument = event[1]
    if argument.startswith("Page$") and argument[5:].isdigit():
        answered = int(argument[5:]) - 1
    else:  # the 下一页 button
        answered = min(posting + 1, len(pages) - 1)
    if not 0 <= answered < len(pages):
        _error(handler, "回发或回调参数无效。")
        return True
    handler._send(HTTPStatus.OK, (root / pages[answered]["file"]).read_bytes(), HTML_TYPE)
    return True


def _error(handler: SiteHandler, message: str) -> None:
    handler._send(HTTPStatus.INTERNAL_SERVER_ERROR, ERROR_PAGE.format(message=message).encode("utf-8"), HTML_TYPE)
