"""Finding the 年报 column from a portal home page: 首页 → 政务公开 → 政府信息公开 → 政府信息公开年报."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import pytest_twisted
from scrapy.utils.defer import deferred_from_coro

from tests.support.crawling import crawl, read_records
from tests.support.paths import DEMO_ROOT

REPORT = DEMO_ROOT / "generic" / "xxgk/nb/2021/0205/28765.html"


def page(*links: tuple[str, str]) -> bytes:
    items = "".join(f'<li><a href="{href}">{title}</a></li>' for href, title in links)
    return f"<!doctype html><html><head><meta charset='utf-8'></head><body><ul>{items}</ul></body></html>".encode()


NAV = (("/", "首页"), ("/news/index.html", "新闻中心"), ("/zwgk/index.html", "政务公开"))
# A portal whose 年报 column is three clicks from the home page, as on most real portals.
PAGES = {
    "/": page(*NAV, ("/hdjl/index.html", "互动交流")),
    "/news/index.html": page(*NAV, ("/news/1.html", "全市春耕生产有序推进")),
    "/zwgk/index.html": page(
        *NAV,
        ("/zwgk/xxgk/index.html", "政府 信息 公开"),
        ("/zwgk/zcwj/index.html", "政策文件"),
        ("/zwgk/index_1.html", "下一页"),
    ),
    "/zwgk/index_1.html": page(*NAV),
    "/zwgk/xxgk/index.html": page(
        *NAV,
        ("/zwgk/xxgk/zn/index.html", "政府信息公开指南"),
        ("/zwgk/xxgk/nb/index.html", "政府信息公开年报"),
    ),
    "/zwgk/xxgk/nb/index.html": page(*NAV, ("/zwgk/xxgk/nb/28765.html", "虎林市2020年政府信息公开工作年度报告")),
    "/zwgk/xxgk/nb/28765.html": REPORT.read_bytes(),
}


class PortalHandler(BaseHTTPRequestHandler):
    log: list[str]

    def do_GET(self) -> None:
        self.server.log.append(self.path)  # type: ignore[attr-defined]
        body = PAGES.get(self.path)
        if self.path == "/robots.txt":
            body = b"User-agent: *\nDisallow:\n"
        if body is None:
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/html; charset=utf-8" if self.path != "/robots.txt" else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def portal() -> Iterator[tuple[str, list[str]]]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), PortalHandler)
    server.log = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", server.log  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()


@pytest_twisted.inlineCallbacks
def test_a_home_page_leads_to_the_column_and_its_reports(portal: tuple[str, list[str]], tmp_path: Path):
    base, log = portal
    output = tmp_path / "out.jsonl"
    stats = yield deferred_from_coro(crawl([base + "/"], output))
    assert set(read_records(output)) == {"虎林市人民政府|2020"}
    assert "/zwgk/xxgk/nb/28765.html" in log
    # Only hubs and the column were read: no hub pagination, no news or policy lists.
    assert not {"/zwgk/index_1.html", "/news/1.html", "/zwgk/zcwj/index.html", "/hdjl/index.html"} & set(log)
    assert stats["gov_reports/discovery/column_links"] == 1


@pytest_twisted.inlineCallbacks
def test_discovery_stops_after_the_configured_number_of_hubs(portal: tuple[str, list[str]], tmp_path: Path):
    base, log = portal
    output = tmp_path / "out.jsonl"
    yield deferred_from_coro(crawl([base + "/"], output, overrides=["GOV_REPORTS_DISCOVERY_HOPS=1"]))
    assert output.read_text(encoding="utf-8") == ""
    assert "/zwgk/index.html" in log and "/zwgk/xxgk/index.html" not in log
