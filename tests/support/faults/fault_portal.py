"""A local portal that misbehaves on purpose (stdlib ThreadingHTTPServer on 127.0.0.1, port 0).

Columns (generic list pages whose links carry report titles):

* ``/nb/index.html`` — one link per fault case in FAULT_CASES: WAF pages,
  Retry-After, 5xx storms, connection resets, timeouts, redirect loops and
  redirects to private or other hosts, enormous and truncated pages, wrong
  charsets and mojibake. Cases that end well serve real report pages copied
  from the demo portal (data/demo), so they produce real records.
* ``/slow/index.html`` — one report link that answers only after 2 s (beyond
  the DOWNLOAD_TIMEOUT of the test that crawls it alone).
* ``/one/<case>.html`` — a column with the one link ``/nb/<case>.html``.
* ``/good/index.html`` — the demo reports (all, or the first ``good``), each answered after
  ``report_delay`` seconds (the kill-and-resume and Crawl-delay tests).
* ``/hostile/index.html`` — links with ``..``, ``%2e%2e``, NUL, backslashes
  and very long names.

``hits`` records when each path was asked for (time.monotonic()), ``user_agents``
the User-Agent headers received.
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
import struct
import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.support.paths import DEMO_ROOT

BIG_PAGE_BYTES = 3 * 1024 * 1024
_ATTACH_BLOCK = re.compile(rb'<div class="attach">.*?</div>', re.S)


@dataclass(frozen=True)
class DemoReport:
    key: str
    title: str
    site: str
    path: str

    @property
    def raw(self) -> bytes:
        # This portal serves pages, not the demo's attachments: their links (年报下载, 附件) go.
        # A query variant X?q is the file X@q (gov_reports.demo.files.site_file).
        path = self.path.lstrip("/").replace("?", "@", 1)
        return _ATTACH_BLOCK.sub(b"", (DEMO_ROOT / self.site / path).read_bytes())

    @property
    def encoding(self) -> str:
        return _site_encodings()[self.site]

    @property
    def text(self) -> str:
        return self.raw.decode(self.encoding)


@cache
def _site_encodings() -> dict[str, str]:
    sites = json.loads((DEMO_ROOT / "sites.json").read_text(encoding="utf-8"))["sites"]
    return {name: site.get("encoding") or "utf-8" for name, site in sites.items()}


@cache
def demo_reports() -> tuple[DemoReport, ...]:
    expected = json.loads((DEMO_ROOT / "expected.json").read_text(encoding="utf-8"))
    return tuple(
        DemoReport(r["key"], r["title"], r["site"], r["best_path"])
        for r in expected["reports"]
        if r["best_path"] not in {f["link"] for f in r.get("files", [])}  # reports published only as files
    )


def demo_report(path: str) -> DemoReport:
    return next(r for r in demo_reports() if r.path == path)


# Real reports served by the cases that end well (see data/demo/expected.json).
OK = demo_report("/xxgk/nb/2021/0205/28765.html")
WAF_ONCE = demo_report("/xxgk/nb/2022/0128/29876.html")
RETRY_AFTER = demo_report("/xxgk/nb/2023/0116/30571.html")
GBK_UTF8_HEADER = demo_report("/zwgk/zfxxgknb/202003/t20200330_5014.html")
GBK_NO_CHARSET = demo_report("/zwgk/zfxxgknb/201702/t20170222_5001.html")
MOJIBAKE = demo_report("/art/2022/3/28/art_4971_1011.html")
CUT = demo_report("/art/2018/3/12/art_4971_1003.html")
GARBLED = demo_report("/art/2022/1/25/art_4971_1010.html")

# slug -> what the page does. Titles in the column are report titles, so the spider asks for each.
FAULT_CASES = {
    "ok": "a plain report page",
    "waf-412": "瑞数: HTTP 412 with an inline $_ts script, always",
    "waf-521": "加速乐: HTTP 521 with __jsl_clearance script and __jsluid cookie, always",
    "verify": "a 200 「安全验证」/「访问异常」 interstitial, always",
    "shell": "a 200 empty page filled by JavaScript, always",
    "waf-once": "HTTP 521 challenge once, then the report",
    "retry-after": "HTTP 503 with Retry-After: 1 once, then the report",
    "storm-503": "HTTP 503 without Retry-After, always",
    "storm-500": "HTTP 500, always",
    "reset": "the connection reset (RST) before any answer",
    "loop": "302 to loop-b, which redirects back here",
    "to-metadata": "302 to the link-local metadata address 169.254.169.254",
    "to-localhost": "302 to localhost on this port (loopback, not the configured 127.0.0.1)",
    "to-other-host": "302 to www.example.org",
    "huge": "a 3 MB page with its Content-Length",
    "huge-stream": "a 3 MB page without Content-Length (streamed until close)",
    "truncated": "Content-Length of the whole page, connection closed after 40 % of it",
    "cut": "a report whose HTML ends in mid-page (a complete HTTP answer)",
    "gbk-utf8-header": "a GBK report sent with Content-Type charset=utf-8",
    "gbk-no-charset": "a GBK report with no charset in the header or the page",
    "mojibake": "a UTF-8 report once read as ISO-8859-1 (a JSP default) and saved again as UTF-8",
    "garbled": "a report whose Chinese was turned into 「锟斤拷」 (unrecoverable)",
}

HOSTILE_LINKS = (
    "../../../../../../etc/passwd",
    "/%2e%2e/%2e%2e/%2e%2e/tmp/gov-reports-escape.html",
    "/nb/..%2f..%2f..%2fgov-reports-escape.html",
    "/nb/a%00b.html",
    "/nb/a\\..\\..\\gov-reports-escape.html",
    "/nb/" + "x" * 3000 + ".html",
    "/nb/%E4%B8%AD%E6%96%87%20name%3F%23.html",
    "file:///etc/passwd",
    "/nb/ok.html",
)

_CJK = re.compile(r"[\u4e00-\u9fff]")
RUISHU_412 = (
    b"<html><head><meta charset='utf-8'><script type='text/javascript'>var $_ts=window['$_ts'];"
    b"if(!$_ts)$_ts={};$_ts.nsd=84732;$_ts.cd='qEmtqGAcF4lEGhpR';</script>"
    b"<script src='/4QbVtADbnLVIc/c.FxJzG50F.dfe1675.js' r='m'></script></head><body></body></html>"
)
JIASULE_521 = (
    b"<html><script>document.cookie=('_')+('_')+('j')+('sl_clearance_s=1732200000.123|0|')+"
    b"'kZ3Xb%2F9hQ';document.cookie='__jsl_clearance=1732200000.123|0|abc';"
    b"location.href=location.pathname+location.search</script></html>"
)
VERIFY_PAGE = (
    "<html><head><meta charset='utf-8'><title>安全验证</title></head><body><div class='box'>"
    "<p>访问异常，请完成安全验证后继续访问。</p><div id='captcha'></div></div>"
    "<script src='/waf/verify.js'></script></body></html>"
).encode()
JS_SHELL = (
    b"<!doctype html><html><head><meta charset='utf-8'><title></title>"
    b"<script src='/static/js/chunk-vendors.js'></script><script src='/static/js/app.js'></script>"
    b"</head><body><div id='app'></div><script>window.__INITIAL_STATE__={}</script></body></html>"
)


def mojibake(text: str) -> str:
    """`text` as it reads after its UTF-8 bytes were taken for ISO-8859-1 once."""
    return text.encode("utf-8").decode("latin-1")


def garbled(text: str) -> str:
    """`text` with its Chinese lost: U+FFFD written as UTF-8 and read as GBK, the classic 「锟斤拷」."""
    return _CJK.sub("\ufffd\ufffd", text).encode("utf-8").decode("gbk", errors="replace")


def listing(title: str, links: list[tuple[str, str]]) -> bytes:
    items = "\n".join(
        f'<li><a href="{href}">{text}</a><span class="time">[2022-01-28]</span></li>' for href, text in links
    )
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<div class='list-box'><h3>{title}</h3><ul class='news-list'>\n{items}\n</ul></div></body></html>"
    ).encode()


class FaultPortal:
    """The misbehaving portal; use as a context manager."""

    def __init__(self, *, crawl_delay: float | None = None, report_delay: float = 0.0, good: int | None = None) -> None:
        self.crawl_delay = crawl_delay
        self.report_delay = report_delay
        self.good_reports = demo_reports()[:good]
        self.hits: dict[str, list[float]] = defaultdict(list)
        self.user_agents: set[str] = set()
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def netloc(self) -> str:
        return f"127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return f"http://{self.netloc}{path}"

    def start(self) -> FaultPortal:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    def __enter__(self) -> FaultPortal:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    def hit(self, path: str) -> int:
        """Record a request for `path`; return how many came before it."""
        with self.lock:
            self.hits[path].append(time.monotonic())
            return len(self.hits[path]) - 1


def _handler_for(portal: FaultPortal) -> type[BaseHTTPRequestHandler]:
    class Handler(_FaultHandler):
        pass

    Handler.portal = portal
    return Handler


class _FaultHandler(BaseHTTPRequestHandler):
    portal: FaultPortal

    def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        before = self.portal.hit(path)
        self.portal.user_agents.add(self.headers.get("User-Agent", ""))
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the crawler gave up first (size caps)
            self.route(path, before)

    def send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def report(self, report: DemoReport) -> None:
        self.send(200, report.raw, f"text/html; charset={report.encoding}")

    def route(self, path: str, before: int) -> None:
        if path == "/robots.txt":
            rules = "User-agent: *\nDisallow: /private/\n"
            if self.portal.crawl_delay:
                rules += f"Crawl-delay: {self.portal.crawl_delay}\n"
            return self.send(200, rules.encode(), "text/plain")
        if path == "/nb/index.html":
            links = [
                (f"/nb/{slug}.html", f"测试市第{i}局2020年政府信息公开工作年度报告")
                for i, slug in enumerate(FAULT_CASES)
            ]
            return self.send(200, listing("政府信息公开年报", links))
        if path == "/slow/index.html":
            links = [("/nb/slow.html", "测试市2020年政府信息公开工作年度报告")]
            return self.send(200, listing("政府信息公开年报", links))
        if match := re.fullmatch(r"/one/([\w-]+)\.html", path):  # a column of one fault case, crawled alone
            return self.send(
                200,
                listing("政府信息公开年报", [(f"/nb/{match.group(1)}.html", "测试市2020年政府信息公开工作年度报告")]),
            )
        if path == "/good/index.html":
            links = [(f"/good/{i}.html", r.title) for i, r in enumerate(self.portal.good_reports)]
            return self.send(200, listing("政府信息公开年报", links))
        if path == "/hostile/index.html":
            links = [(href, f"测试市第{i}局2020年政府信息公开工作年度报告") for i, href in enumerate(HOSTILE_LINKS)]
            return self.send(200, listing("政府信息公开年报", links))
        if match := re.fullmatch(r"/good/(\d+)\.html", path):
            time.sleep(self.portal.report_delay)
            return self.report(self.portal.good_reports[int(match.group(1))])
        if match := re.fullmatch(r"/nb/([\w-]+)\.html", path):
            return self.fault(match.group(1), before)
        return self.send(404, b"<html><body><h1>404 Not Found</h1></body></html>")

    def fault(self, slug: str, before: int) -> None:  # one branch per case, in FAULT_CASES order
        if slug == "ok":
            return self.report(OK)
        if slug == "waf-412":
            return self.send(412, RUISHU_412)
        if slug == "waf-521" or (slug == "waf-once" and before == 0):
            return self.send(521, JIASULE_521, Set_Cookie="__jsluid_s=8f2c1e0b7a; max-age=31536000; path=/")
        if slug == "waf-once":
            return self.report(WAF_ONCE)
        if slug == "verify":
            return self.send(200, VERIFY_PAGE)
        if slug == "shell":
            return self.send(200, JS_SHELL)
        if slug == "retry-after":
            if before == 0:
                return self.send(503, b"<html><body>Service busy</body></html>", Retry_After="1")
            return self.report(RETRY_AFTER)
        if slug == "storm-503":
            return self.send(503, b"<html><body>Service Unavailable</body></html>")
        if slug == "storm-500":
            return self.send(500, b"<html><body>Internal Server Error</body></html>")
        if slug == "reset":
            # SO_LINGER 0: close() sends RST instead of FIN.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return None
        if slug == "slow":
            time.sleep(2)
            return self.report(OK)
        if slug in ("loop", "loop-b"):
            return self.send(302, b"", Location="/nb/loop-b.html" if slug == "loop" else "/nb/loop.html")
        if slug == "to-metadata":
            return self.send(302, b"", Location="http://169.254.169.254/latest/meta-data/")
        if slug == "to-localhost":
            return self.send(302, b"", Location=f"http://localhost:{self.portal.server.server_address[1]}/nb/ok.html")
        if slug == "to-other-host":
            return self.send(302, b"", Location="http://www.example.org/nb/ok.html")
        if slug == "huge":
            return self.send(200, b"<html><body>" + b"<p>" + "年报".encode() * (BIG_PAGE_BYTES // 6) + b"</p>")
        if slug == "huge-stream":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()  # HTTP/1.0 without Content-Length: the body ends when the connection closes
            chunk = "<p>年报年报年报年报</p>".encode() * 1024
            for _ in range(BIG_PAGE_BYTES // len(chunk) + 1):
                self.wfile.write(chunk)
            return None
        if slug == "truncated":
            body = OK.raw
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) * 2 // 5])
            self.wfile.flush()
            self.close_connection = True
            return None
        if slug == "cut":
            text = CUT.text  # cut between characters: a tear inside one would be a charset fault too
            return self.send(
                200, text[: len(text) * 85 // 100].encode(CUT.encoding), f"text/html; charset={CUT.encoding}"
            )
        if slug == "gbk-utf8-header":
            return self.send(200, GBK_UTF8_HEADER.raw, "text/html; charset=utf-8")
        if slug == "gbk-no-charset":
            body = re.sub(rb"<meta[^>]*charset[^>]*>", b"", GBK_NO_CHARSET.raw, flags=re.I)
            return self.send(200, body, "text/html")
        if slug == "mojibake":
            return self.send(200, mojibake(MOJIBAKE.text).encode("utf-8"))
        if slug == "garbled":
            return self.send(200, garbled(GARBLED.text).encode("utf-8"))
        return self.send(404, b"<html><body><h1>404 Not Found</h1></body></html>")


if __name__ == "__main__":  # serve by hand: python -m tests.support.faults.fault_portal
    with FaultPortal() as running:
        print(running.url("/nb/index.html"), running.url("/good/index.html"), running.url("/hostile/index.html"))
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
