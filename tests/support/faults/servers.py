"""Hostile local servers for the fault suite (stdlib ThreadingHTTPServer on 127.0.0.1, port 0).

`HostileServer` answers, besides robots.txt:

* ``/bomb/index.html`` — a column linking ``/bomb/report.html``, a gzip bomb: a few hundred KB that
  inflate to `bomb_bytes` (64 MB by default) of a report-looking page;
* ``/drip/index.html`` — a column linking ``/drip/report.html``, which sends its headers and then one
  byte every `drip_interval` seconds, for ever (a slow drip: every byte arrives before any read timeout);
* ``/challenge/index.html`` — a column linking ``/challenge/report.html``: HTTP 412 with a script that sets
  a cookie and reloads, and no ``$_ts`` (a JavaScript challenge that is not 瑞数's classic page);
* ``/cookie/index.html`` — a column whose answer sets cookies (one for the host, one for ``.gov.cn``),
  linking one demo report;
* ``/trap/<n>.html`` — a column that paginates for ever (each page links the next, no report);
* ``/honest/index.html`` — a column of `honest` real demo reports, paginated one link per page.

`hits` counts requests per path.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import re
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.support.faults.fault_portal import demo_reports, listing

REPORT_TITLE = "测试市2020年政府信息公开工作年度报告"


def gzip_bomb(size: int) -> bytes:
    """A gzip stream of `size` bytes of an HTML page that looks like a report (compresses ~1000x)."""
    head = f"<html><head><meta charset='utf-8'><title>{REPORT_TITLE}</title></head><body><p>".encode()
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9, mtime=0) as stream:
        stream.write(head)
        chunk = "政府信息公开".encode() * 100_000
        written = len(head)
        while written < size:
            stream.write(chunk)
            written += len(chunk)
    return buffer.getvalue()


CHALLENGE_412 = (
    b"<!DOCTYPE html><html><head><meta charset='utf-8'>"
    b"<script>var t=Date.now();document.cookie='waf_token='+btoa(String(t*7))+'; path=/';"
    b"setTimeout(function(){location.reload()},50);</script></head><body></body></html>"
)


class HostileServer:
    """The servers of the module docstring; use as a context manager."""

    def __init__(self, *, bomb_bytes: int = 64 * 1024 * 1024, drip_interval: float = 0.2, honest: int = 3) -> None:
        self.bomb = gzip_bomb(bomb_bytes)
        self.drip_interval = drip_interval
        self.honest = demo_reports()[:honest]
        self.hits: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.closing = threading.Event()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def netloc(self) -> str:
        return f"127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return f"http://{self.netloc}{path}"

    def __enter__(self) -> HostileServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.closing.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def _handler_for(server: HostileServer) -> type[BaseHTTPRequestHandler]:
    class Handler(_HostileHandler):
        pass

    Handler.hostile = server
    return Handler


class _HostileHandler(BaseHTTPRequestHandler):
    hostile: HostileServer

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8", **headers: Any) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            for one in value if isinstance(value, list) else [value]:
                self.send_header(name.replace("_", "-"), one)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        with self.hostile.lock:
            self.hostile.hits[path] += 1
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.route(path)

    def route(self, path: str) -> None:
        if path == "/robots.txt":
            return self.send(200, b"User-agent: *\nDisallow:\n", "text/plain")
        if match := re.fullmatch(r"/(bomb|drip|challenge)/index\.html", path):
            return self.send(200, listing("政府信息公开年报", [(f"/{match.group(1)}/report.html", REPORT_TITLE)]))
        if path == "/bomb/report.html":
            return self.send(200, self.hostile.bomb, Content_Encoding="gzip")
        if path == "/drip/report.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()  # no Content-Length (HTTP/1.0): the body would end when the connection closes
            while not self.hostile.closing.is_set():
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(self.hostile.drip_interval)
            return None
        if path == "/challenge/report.html":
            return self.send(412, CHALLENGE_412)
        if path == "/cookie/index.html":
            report = self.hostile.honest[0]
            cookies = ["session=abc123; Path=/", "tracker=1; Domain=.gov.cn; Path=/"]
            body = listing("政府信息公开年报", [("/honest/0.html", report.title)])
            return self.send(200, body, Set_Cookie=cookies)
        if match := re.fullmatch(r"/trap/(\d+)\.html", path):
            page = int(match.group(1))
            body = (
                "<!doctype html><html><head><meta charset='utf-8'><title>政府信息公开年报</title></head><body>"
                f"<ul class='news-list'><li>第{page}页</li></ul>"
                f"<div class='page'><a href='/trap/{page + 1}.html'>下一页</a></div></body></html>"
            ).encode()
            return self.send(200, body)
        if match := re.fullmatch(r"/honest/(?:index|page-(\d+))\.html", path):
            index = int(match.group(1) or 0)
            report = self.hostile.honest[index]
            links = [(f"/honest/{index}.html", report.title)]
            nav = f"<div class='page'><a href='/honest/page-{index + 1}.html'>下一页</a></div>"
            body = listing("政府信息公开年报", links)
            if index + 1 < len(self.hostile.honest):
                body = body.replace(b"</body>", nav.encode() + b"</body>")
            return self.send(200, body)
        if match := re.fullmatch(r"/honest/(\d+)\.html", path):
            report = self.hostile.honest[int(match.group(1))]
            return self.send(200, report.raw, f"text/html; charset={report.encoding}")
        return self.send(404, b"<html><body><h1>404 Not Found</h1></body></html>")
