"""A generated 年报 column of any size, served on 127.0.0.1, for benchmarks and politeness tests.

``list.html?page=N`` pages list `per_page` reports each (generic layout, with a 下一页 link);
``/report/<n>.html`` is the demo's 虎林市 2020 report (a real 13 KB page with tables) issued by
a department of its own (虎林市<two characters>局), so every page is a distinct record. Pages
are made from templates on request: 20,000 pages cost no disk and little memory. Every
request is logged with its host and arrival time (monotonic clock), so tests can measure
the spacing a crawl keeps per host. Standard library only, like `gov_reports.demo.server`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from gov_reports.demo.server import default_root

TEMPLATE_PATH = Path("generic/xxgk/nb/2021/0205/28765.html")
TEMPLATE_TITLE = "虎林市2020年政府信息公开工作年度报告"
# Characters for department names: over 150 distinct, so over 22,500 distinct issuers.
_NAME_CHARS = "".join(
    dict.fromkeys(  # each character once
        "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土山川河湖海江溪泉林森松柏桃李杏梅兰竹菊荷"
        "东南西北中上下左右前后春夏秋冬风云雨雪霜露星月日光明清平安宁和顺康泰福寿永长久远新兴盛昌隆华"
        "文武德仁义礼智信忠孝廉勤俭恭宽敏惠良善美真诚正直方圆高广厚博深远达通汇聚合成开启建立保护"
        "红黄蓝绿青紫白黑赤丹朱碧翠玉珠宝银铜铁石岩峰岭坡谷原野田园村庄城镇乡里"
    )
)
_LIST = """<!doctype html>
<html><head><meta charset="utf-8"><title>政府信息公开年报 - 虎林市人民政府</title></head>
<body><div class="list-box"><h3>政府信息公开年报</h3>
<ul class="news-list">
{items}
</ul>
<div class="pager">第{page}/{pages}页 {next}</div>
</div></body></html>
"""


def department(n: int) -> str:
    """The issuer of report n: 虎林市 and two characters and 局, distinct for n < 22,500."""
    size = len(_NAME_CHARS)
    if not 0 <= n < size * size:
        raise ValueError(f"report number {n} out of range (at most {size * size} reports)")
    return f"虎林市{_NAME_CHARS[n // size]}{_NAME_CHARS[n % size]}局"


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, addr: tuple[str, int], portal: SyntheticPortal) -> None:
        super().__init__(addr, _Handler)
        self.portal = portal


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the portal keeps its own log."""

    def do_GET(self) -> None:
        portal = self.server.portal
        portal.record(self.headers.get("Host", ""), self.path)
        split = urlsplit(self.path)
        body: bytes | None = None
        if split.path == "/robots.txt":
            body, kind = b"User-agent: *\nAllow: /\n", "text/plain; charset=utf-8"
        elif split.path == "/list.html":
            page = int(parse_qs(split.query).get("page", ["1"])[0] or 1)
            if 1 <= page <= portal.listing_pages:
                body, kind = portal.listing(page).encode(), "text/html; charset=utf-8"
        elif split.path.startswith("/report/") and split.path.endswith(".html"):
            number = split.path[len("/report/") : -len(".html")]
            if number.isdigit() and int(number) < portal.reports:
                body, kind = portal.report(int(number)).encode(), "text/html; charset=utf-8"
        if body is None:
            body, kind, status = b"not found", "text/plain", HTTPStatus.NOT_FOUND
        else:
            status = HTTPStatus.OK
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class SyntheticPortal:
    """`reports` report pages behind ``list.html`` pages of `per_page` links, on each of `hosts`."""

    def __init__(self, reports: int, *, per_page: int = 20, hosts: Sequence[str] = ("127.0.0.1",)) -> None:
        department(reports - 1)  # fail early when there are not enough names
        self.reports = reports
        self.per_page = per_page
        self.listing_pages = -(-reports // per_page)
        self.hosts = tuple(hosts)
        self.template = (default_root() / TEMPLATE_PATH).read_text(encoding="utf-8")
        self.log: list[tuple[str, str, float]] = []
        self._lock = threading.Lock()
        self._servers: list[_Server] = []
        self.start_urls: list[str] = []
        self.served = 0

    def record(self, host: str, path: str) -> None:
        with self._lock:
            self.log.append((host, path, time.monotonic()))
            self.served += 1

    def listing(self, page: int) -> str:
        first = (page - 1) * self.per_page
        items = "\n".join(
            f'<li><a href="/report/{n}.html">{department(n)}2020年政府信息公开工作年度报告</a>'
            f'<span class="time">[2021-02-05]</span></li>'
            for n in range(first, min(first + self.per_page, self.reports))
        )
        nxt = f'<a href="list.html?page={page + 1}">下一页</a>' if page < self.listing_pages else ""
        return _LIST.format(items=items, page=page, pages=self.listing_pages, next=nxt)

    def report(self, n: int) -> str:
        return self.template.replace(TEMPLATE_TITLE, f"{department(n)}2020年政府信息公开工作年度报告")

    def start(self) -> SyntheticPortal:
        for host in self.hosts:
            server = _Server((host, 0), self)
            threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
            self._servers.append(server)
            self.start_urls.append(f"http://{host}:{server.server_address[1]}/list.html")
        return self

    def stop(self) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()
        self._servers.clear()

    def __enter__(self) -> SyntheticPortal:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
