"""What the Hanweb site answers by program: the jpage ``dataproxy.jsp`` list and the ``downfile.jsp`` download.

`render_datastore` also writes the first list page the column embeds (gov_reports/demo/builder/templates.py), so
the embedded page and the POST answers cannot disagree.
"""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gov_reports.demo.handler import SiteHandler

DATAPROXY_PATH = "/module/web/jpage/dataproxy.jsp"
DOWNFILE_PATH = "/module/download/downfile.jsp"


def dataproxy(handler: SiteHandler, query: dict[str, list[str]], form: dict[str, list[str]]) -> None:
    """Answer a jpage list request: records startrecord..endrecord (1-based, inclusive)."""

    def one(source: dict[str, list[str]], key: str) -> str | None:
        values = source.get(key)
        return values[0] if values else None

    column = one(form, "columnid") or one(query, "columnid")
    if not column or not column.isdigit():
        handler._error(HTTPStatus.BAD_REQUEST)
        return
    records_file = handler.server.site_root / "_records" / f"col{column}.json"
    if not records_file.is_file():
        handler._error(HTTPStatus.NOT_FOUND)
        return
    column_data = json.loads(records_file.read_text(encoding="utf-8"))
    if one(form, "unitid") != str(column_data["unitid"]):
        handler._error(HTTPStatus.BAD_REQUEST)
        return
    try:
        start = int(one(query, "startrecord") or 1)
        end = int(one(query, "endrecord") or start + int(column_data["perpage"]) - 1)
    except ValueError:
        handler._error(HTTPStatus.BAD_REQUEST)
        return
    start = max(start, 1)
    records = column_data["records"]
    chosen = records[start - 1 : max(end, start - 1)]
    body = render_datastore(column_data, chosen, total=len(records)).encode("utf-8")
    handler._send(HTTPStatus.OK, body, "text/xml; charset=utf-8")


def downfile(handler: SiteHandler, query: dict[str, list[str]]) -> None:
    """Hanweb's download script: a 302 to the stored file (``/attach/{classid}/{filename}``)."""
    name = (query.get("filename") or [""])[0]
    classid = (query.get("classid") or ["0"])[0]
    if not name or "/" in name or "\\" in name or not classid.isdigit():
        handler._error(HTTPStatus.BAD_REQUEST)
        return
    handler._send(HTTPStatus.FOUND, b"", None, {"Location": f"/attach/{classid}/{name}"})


def render_record(record: dict[str, str]) -> str:
    """One list entry as Hanweb writes it inside <record><![CDATA[…]]>."""
    title = record["title"].replace("'", "&#39;")
    return (
        f"<li><a href='{record['href']}' title='{title}' target='_blank'>"
        f"{record['title']}</a><span>{record['date']}</span></li>"
    )


def render_datastore(column: dict[str, Any], records: list[dict[str, str]], total: int | None = None) -> str:
    """The <datastore> block shared by the embedded first page and dataproxy.jsp."""
    nextgroup = (
        f'<a href="{DATAPROXY_PATH}?page=1&appid=1&webid={column["webid"]}&path=/'
        f"&columnid={column['columnid']}&unitid={column['unitid']}"
        f'&webname={column["webname"]}&permissiontype=0"></a>'
    )
    lines = ["<datastore>", f"<nextgroup><![CDATA[{nextgroup}]]></nextgroup>", "<recordset>"]
    lines += [f"<record><![CDATA[{render_record(r)}]]></record>" for r in records]
    lines.append("</recordset>")
    if total is not None:
        lines.append(f"<totalrecord>{total}</totalrecord>")
    lines.append("</datastore>")
    return "\n".join(lines)
