"""A hijacked mirror of the demo portal: spam-laced copies of demo reports on their own host.

Hijacked domains copy government pages, keep their CMS paths and inject spam
the way reference chrome-and-spam.md §2 and the seeds show. The mirror is built
from the demo portal's own pages (data/demo/hanweb), so its copies are copies
of reports the demo portal serves officially:

* ``REAL_ISSUER``: 哈尔滨市 2019, issuer kept, with a porn `<title>` prepended,
  the body in (partly) Traditional characters with pinyin glosses
  (「政(zheng)府(fu)」), off-site gambling links, SEO junk tags, and the portal
  address rewritten to a non-government domain;
* ``BRAND_ISSUER``: 哈尔滨市 2021 with the issuer's name replaced by a brand,
  「365bet(中国)官方网站2021年政府信息公开工作年度报告」;
* ``GARBLED_ISSUER``: 哈尔滨市民政局 2021 with pinyin noise in the body and in the
  body's name in the title, so its issuer would be a new, invented name
  (「哈尔滨市民(min)政(zheng)局」).

Served by a stdlib server on 127.0.0.1, port 0 (its own host), with a generic
list page at ``LIST_PATH`` linking the three copies.
"""

from __future__ import annotations

import re
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.support.paths import DEMO_ROOT

DEMO_HANWEB = DEMO_ROOT / "hanweb"
LIST_PATH = "/xxgk/nb/list.html"
REAL_ISSUER = "/art/2020/3/27/art_4971_1008.html"
BRAND_ISSUER = "/art/2022/3/28/art_4971_1011.html"
GARBLED_ISSUER = "/art/2022/1/25/art_4971_1010.html"

PORN_TITLE = "成人国产精品一区二区网站公司_国产精品66在线观看"
BRAND = "365bet(中国)官方网站"
SPAM_LINKS = (
    '<a href="http://www.365bet-cn.example/">bet365体育投注官网</a>'
    '<a href="http://www.ouzhoubei.example/">欧洲杯买球平台</a>'
)
JUNK_TAGS = '<noframes id="zdbdv"><address id="zdbdv"><listing id="zdbdv"></listing></address></noframes>'
# A converter's Simplified -> Traditional mapping, as far as these pages need it. 开 is left out: the
# extractor recognises a report by 「公开」 in Simplified (see the note in docs/trust.md).
_TRADITIONAL = str.maketrans(
    "国机构号报门网与为这们会时对关从应条务区县办总计请见处过际实现进资证点数体经济产业农电话费项单级专题规划标准"
    "类别结说该设认识议论评审诉讼权归统责组织维护书记录据员长问个",
    "國機構號報門網與為這們會時對關從應條務區縣辦總計請見處過際實現進資證點數體經濟產業農電話費項單級專題規劃標準"
    "類別結說該設認識議論評審訴訟權歸統責組織維護書記錄據員長問個",
)
_GLOSSES = {"政府": "政(zheng)府(fu)", "工作": "工(gong)作(zuo)", "民政": "民(min)政(zheng)"}
_ZOOM_RE = re.compile(r'(<div id="zoom">)(.*?)(<meta name="ContentEnd">)', re.S)
_TAG_OR_TEXT_RE = re.compile(r"(<[^>]+>)")


def gloss(text: str, words: tuple[str, ...] = tuple(_GLOSSES)) -> str:
    """Pinyin noise: 「政府」 -> 「政(zheng)府(fu)」."""
    for word in words:
        text = text.replace(word, _GLOSSES[word])
    return text


def gloss_name(text: str) -> str:
    """Noise on the body's name only, so the title still reads as a report's (and gets crawled)."""
    return gloss(text, ("民政",))


def _text_only(html: str, change: Any) -> str:
    """Apply `change` to the text between tags, never to tags (attribute values stay intact)."""
    return "".join(part if part.startswith("<") else change(part) for part in _TAG_OR_TEXT_RE.split(html))


def _hijack_body(html: str, change: Any) -> str:
    match = _ZOOM_RE.search(html)
    assert match is not None, "demo page without #zoom"
    body = _text_only(match.group(2), change)
    # Off-site gambling links inside the first paragraph, SEO junk tags after it.
    body = body.replace("</p>", SPAM_LINKS + "</p>" + JUNK_TAGS, 1)
    return html[: match.start(2)] + body + html[match.end(2) :]


def real_issuer_copy(html: str) -> str:
    html = html.replace("<title>", f"<title>{PORN_TITLE}_", 1)
    html = html.replace("“中国·哈尔滨”门户网站", "“中国·哈尔滨”门户网站(http://www.tgflt.cn)")
    return _hijack_body(html, lambda text: gloss(text).translate(_TRADITIONAL))


def brand_issuer_copy(html: str) -> str:
    html = html.replace("哈尔滨市", BRAND)
    return _hijack_body(html, lambda text: text)


def garbled_issuer_copy(html: str) -> str:
    head, _, rest = html.partition("<body>")
    head = _text_only(head, gloss_name)
    head = re.sub(r'content="([^"]*)"', lambda m: f'content="{gloss_name(m.group(1))}"', head)
    title = re.compile(r"(<h1[^>]*>)(.*?)(</h1>)")
    rest = title.sub(lambda m: m.group(1) + gloss_name(m.group(2)) + m.group(3), rest, count=1)
    return head + "<body>" + _text_only(rest, gloss)


def mirror_pages() -> dict[str, bytes]:
    """Path -> body of every page the mirror serves."""
    originals = {path: (DEMO_HANWEB / path.lstrip("/")).read_text(encoding="utf-8") for path in
                 (REAL_ISSUER, BRAND_ISSUER, GARBLED_ISSUER)}  # fmt: skip
    pages = {
        REAL_ISSUER: real_issuer_copy(originals[REAL_ISSUER]),
        BRAND_ISSUER: brand_issuer_copy(originals[BRAND_ISSUER]),
        GARBLED_ISSUER: garbled_issuer_copy(originals[GARBLED_ISSUER]),
    }
    links = "".join(
        f'<li><a href="{path}">{_title_of(html)}</a><span>[2023-01-16]</span></li>' for path, html in pages.items()
    )
    listing = (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{PORN_TITLE}_政府信息公开年报</title></head>"
        f"<body><h3>政府信息公开年报</h3><ul class='news-list'>{links}</ul></body></html>"
    )
    served = {path: html.encode("utf-8") for path, html in pages.items()}
    served[LIST_PATH] = listing.encode("utf-8")
    served["/robots.txt"] = b"User-agent: *\nDisallow:\n"
    return served


def _title_of(html: str) -> str:
    match = re.search(r'<meta name="ArticleTitle" content="([^"]*)"', html)
    assert match is not None
    return match.group(1)


class _Handler(BaseHTTPRequestHandler):
    server: _MirrorServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: tests read `requests` instead."""

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        self.server.requests.append(path)
        body = self.server.pages.get(path)
        status = HTTPStatus.OK if body is not None else HTTPStatus.NOT_FOUND
        body = body if body is not None else b"not found"
        kind = "text/plain" if path.endswith(".txt") or status != HTTPStatus.OK else "text/html"
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _MirrorServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.pages = mirror_pages()
        self.requests: list[str] = []


class MirrorPortal:
    """The hijacked mirror on its own 127.0.0.1 port; use as a context manager."""

    def __init__(self) -> None:
        self.server = _MirrorServer()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def start_url(self) -> str:
        return self.url(LIST_PATH)

    def url(self, path: str) -> str:
        return self.base + path

    def __enter__(self) -> MirrorPortal:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)
