"""Minimal pages for report recognition (ISSUE 13 item 6), and a 年报 column that serves them.

Page builders (`article`, `report_paragraphs`, …) make the candidate and trap
forms of tests/unit/test_recognition.py; `RecognitionPortal` serves a 年报 column on
127.0.0.1 whose links take each form once: a bare year, a truncated title, a
short issuer, a 「2020年度」 sub-column, file links (a report PDF and a 部门决算
PDF), look-alikes (a 函 about 工作要点, a plan, a website's yearly form titled
政务公开工作年度报告, a 部门决算 page, a news page behind a bare year), a §9 trap
link and navigation links. `COLUMN_RECORDS`, `COLUMN_REFUSED`, `NEVER_FETCHED`
say what a crawl of it must give.
"""

from __future__ import annotations

import html
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from gov_reports.demo.builder.pdf_writer import PdfPage, make_pdf

SIX_HEADINGS = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)


def table(rows: list[list[str]]) -> str:
    cells = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table>{cells}</table>"


def report_paragraphs(year: int, *, tables: bool = True) -> list[str]:
    """A 2021-format body: the 条例 citation, the 统计期限 sentence, the six headings and (optionally) tables."""
    parts = [
        f"<p>本报告根据《中华人民共和国政府信息公开条例》编制。本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。</p>",
        f"<p>{SIX_HEADINGS[0]}</p><p>{year}年，本机关主动公开政府信息215条，受理政府信息公开申请6件。</p>",
        f"<p>{SIX_HEADINGS[1]}</p>",
    ]
    if tables:
        parts.append(table([["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "0", "0", "0"]]))
    parts.append(f"<p>{SIX_HEADINGS[2]}</p>")
    if tables:
        parts.append(
            table(
                [
                    ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "自然人", "商业企业"],
                    ["一、本年新收政府信息公开申请数量", "5", "1"],
                ]
            )
        )
    parts.append(f"<p>{SIX_HEADINGS[3]}</p>")
    if tables:
        parts.append(table([["行政复议", "行政诉讼"], ["未经复议直接起诉", "复议后起诉"], ["0", "0"]]))
    parts += [
        f"<p>{SIX_HEADINGS[4]}</p><p>公开内容还需进一步规范，下一步将加强培训。</p>",
        f"<p>{SIX_HEADINGS[5]}</p><p>本年度未收取信息处理费。</p>",
    ]
    return parts


def old_report_paragraphs(year: int) -> list[str]:
    """A pre-2019 prose body: the 条例 citation, the 统计期限 sentence and the old section headings."""
    return [
        f"<p>根据《中华人民共和国政府信息公开条例》，特向社会公布本年度政府信息公开工作年度报告。"
        f"本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。</p>",
        f"<p>一、概述</p><p>{year}年，我局认真贯彻落实《条例》。</p>",
        "<p>二、主动公开政府信息情况</p><p>全年主动公开政府信息120条。</p>",
        "<p>三、依申请公开政府信息情况</p><p>全年受理政府信息公开申请2件，均已按时答复。</p>",
        "<p>四、政府信息公开的收费及减免情况</p><p>未收取任何费用。</p>",
        "<p>五、因政府信息公开申请行政复议、提起行政诉讼的情况</p><p>未发生行政复议和行政诉讼。</p>",
        "<p>六、存在的主要问题及改进措施</p><p>公开的及时性有待提高。</p>",
    ]


def signature(issuer: str, date: str) -> list[str]:
    return [f"<p>{issuer}</p>", f"<p>{date}</p>"]


def article(title: str | None, paragraphs: list[str], *, published: str | None = None) -> str:
    """A CMS article page: ArticleTitle and PubDate metas, an <h1>, the body in #zoom."""
    head = "<meta charset='utf-8'>"
    if title:
        head += f"<meta name='ArticleTitle' content='{html.escape(title)}'><title>{html.escape(title)}</title>"
    if published:
        head += f"<meta name='PubDate' content='{published}'>"
    heading = f"<h1>{html.escape(title)}</h1>" if title else ""
    body = "".join(paragraphs)
    return f"<!doctype html><html><head>{head}</head><body>{heading}<div id='zoom'>{body}</div></body></html>"


def text_pdf(lines: list[str]) -> bytes:
    """A one-page text PDF of these lines (a report or a look-alike published as a file)."""
    page = PdfPage()
    for i, line in enumerate(lines):
        page.text(40, 800 - 16 * i, line, size=9)
    return make_pdf([page])


# --------------------------------------------------------------------------- the column

COLUMN = "/xxgk/nb/"
LIST = COLUMN + "list.html"
SUBCOLUMN = COLUMN + "2020nd/index.html"

# path -> (link text in the list, page)
_LINKED: dict[str, tuple[str, str]] = {
    # A bare year inside the 年报 column, the report page titled in full.
    "/xxgk/nb/2022/0125/4101.html": (
        "2021年",
        article(
            "虎林市民政局2021年政府信息公开工作年度报告",
            report_paragraphs(2021) + signature("虎林市民政局", "2022年1月25日"),
            published="2022-01-25",
        ),
    ),
    # A list title cut short without a title attribute.
    "/xxgk/nb/2021/0128/4001.html": (
        "虎林市财政局2020年政府信息公…",
        article(
            "虎林市财政局2020年政府信息公开工作年度报告",
            report_paragraphs(2020) + signature("虎林市财政局", "2021年1月28日"),
            published="2021-01-28",
        ),
    ),
    # 政务公开 wording: a report all the same, by its content.
    "/xxgk/nb/2019/0130/3901.html": (
        "虎林市审计局2018年政务公开工作年度报告",
        article(
            "虎林市审计局2018年政务公开工作年度报告",
            old_report_paragraphs(2018) + signature("虎林市审计局", "2019年1月30日"),
            published="2019-01-30",
        ),
    ),
    # Look-alikes filed in the column, each refused by its content.
    "/xxgk/nb/2014/1210/1401.html": (
        "关于2014年政府信息公开工作要点落实情况的函",
        article(
            "关于2014年政府信息公开工作要点落实情况的函",
            [
                "<p>省政府办公厅：</p>",
                "<p>根据《中华人民共和国政府信息公开条例》要求，现将我市2014年政府信息公开工作要点落实情况函告如下：</p>",
                "<p>一、2014年政府信息公开工作情况</p><p>全市主动公开政府信息5300余条。</p>",
            ],
            published="2014-12-10",
        ),
    ),
    "/xxgk/nb/2022/0301/4201.html": (
        "虎林市2022年政务公开工作要点",
        article(
            "虎林市2022年政务公开工作要点",
            ["<p>一、深化主动公开。</p><p>二、规范依申请公开，落实《中华人民共和国政府信息公开条例》。</p>"],
            published="2022-03-01",
        ),
    ),
    "/xxgk/nb/2022/0115/4102.html": (
        "虎林市人民政府网站2021年政务公开工作年度报告",
        article(
            "虎林市人民政府网站2021年政务公开工作年度报告",
            [
                table(
                    [
                        ["网站名称", "虎林市人民政府"],
                        ["首页网址", "http://www.hulin.gov.cn"],
                        ["主办单位", "虎林市人民政府办公室"],
                        ["独立用户访问总量", "123456"],
                        ["政务公开栏目数量", "35"],
                    ]
                ),
                "<p>本网站全年主动公开政府信息1200条，办理依申请公开3件。</p>",
            ],
            published="2022-01-15",
        ),
    ),
    "/xxgk/nb/2022/0620/4203.html": (
        "虎林市民政局2021年度部门决算",
        article(
            "虎林市民政局2021年度部门决算",
            ["<p>一、收入支出决算总表</p>", table([["项目", "决算数"], ["一般公共预算财政拨款收入", "307.82"]])],
            published="2022-06-20",
        ),
    ),
    # A bare year that leads to a news page: no report evidence.
    "/xxgk/nb/2019/0928/3902.html": (
        "2019年",
        article("虎林市民政局开展政务公开日活动", ["<p>9月28日，市民政局开展政务公开日活动，主动公开政府信息。</p>"]),
    ),
}
# File links in the column: a report published only as a PDF, and a 部门决算 PDF.
_FILES: dict[str, tuple[str, bytes]] = {
    "/uploadfiles/2018/hlsjyj2017nb.pdf": (
        "附件下载",
        text_pdf(
            [
                "虎林市教育局2017年政府信息公开工作年度报告",
                "根据《中华人民共和国政府信息公开条例》，特向社会公布本年度报告。",
                "本报告中所列数据的统计期限自2017年1月1日起至2017年12月31日止。",
                "一、概述",
                "二、主动公开政府信息情况：全年主动公开政府信息96条。",
                "三、依申请公开政府信息情况：全年受理政府信息公开申请1件。",
                "四、政府信息公开的收费及减免情况：未收取任何费用。",
                "五、因政府信息公开申请行政复议、提起行政诉讼的情况：无。",
                "六、存在的主要问题及改进措施",
                "虎林市教育局",
                "2018年1月20日",
            ]
        ),
    ),
    "/uploadfiles/2022/bmjs2021.pdf": (
        "附件2",
        text_pdf(
            [
                "虎林市民政局2021年度部门决算",
                "第一部分 部门概况",
                "第二部分 2021年度部门决算表",
                "一、收入支出决算总表",
                "一般公共预算财政拨款收入 307.82",
            ]
        ),
    ),
}
_SUBCOLUMN_REPORT = "/xxgk/nb/2020nd/2021/0205/4002.html"
_TRAP = "/xxgk/nb/2022/0330/4205.html"
_NAVIGATION = {"/index.html": "首页", "/xxgk/nb/more.html": "更多", "/lxwm.html": "联系我们"}

COLUMN_RECORDS = {
    "虎林市民政局|2021",
    "虎林市财政局|2020",
    "虎林市审计局|2018",
    "虎林市教育局|2017",
    "虎林市卫生健康委员会|2020",
}
COLUMN_REFUSED = {"letter": 1, "plan": 1, "website_report": 1, "budget": 2, "no_report_evidence": 1}
NEVER_FETCHED = {_TRAP, *_NAVIGATION}


def column_pages() -> dict[str, tuple[str, bytes]]:
    """Path -> (content type, body) of everything the column serves."""
    items = [(path, text) for path, (text, _) in _LINKED.items()]
    items += [(path, text) for path, (text, _) in _FILES.items()]
    items += [(SUBCOLUMN, "2020年度"), (_TRAP, "文字解读：虎林市2021年政府信息公开工作年度报告")]
    items += [(path, text) for path, text in _NAVIGATION.items()]
    entries = "".join(f"<li><a href='{path}'>{html.escape(text)}</a></li>" for path, text in items)
    listing = (
        "<!doctype html><html><head><meta charset='utf-8'><title>政府信息公开年报 - 虎林市人民政府</title></head>"
        f"<body><ul class='news-list'>{entries}</ul></body></html>"
    )
    sub_listing = (
        "<!doctype html><html><head><meta charset='utf-8'><title>2020年度 - 政府信息公开年报</title></head><body>"
        f"<ul><li><a href='{_SUBCOLUMN_REPORT}'>虎林市卫生健康委员会2020年政府信息公开工作年度报告</a></li></ul>"
        "</body></html>"
    )
    pages: dict[str, tuple[str, bytes]] = {
        LIST: ("text/html; charset=utf-8", listing.encode()),
        SUBCOLUMN: ("text/html; charset=utf-8", sub_listing.encode()),
        _SUBCOLUMN_REPORT: (
            "text/html; charset=utf-8",
            article(
                "虎林市卫生健康委员会2020年政府信息公开工作年度报告",
                report_paragraphs(2020) + signature("虎林市卫生健康委员会", "2021年2月5日"),
                published="2021-02-05",
            ).encode(),
        ),
        "/robots.txt": ("text/plain", b"User-agent: *\nDisallow:\n"),
    }
    pages.update({path: ("text/html; charset=utf-8", page.encode()) for path, (_, page) in _LINKED.items()})
    pages.update({path: ("application/pdf", data) for path, (_, data) in _FILES.items()})
    return pages


class _Handler(BaseHTTPRequestHandler):
    server: _ColumnServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: tests read `requests` instead."""

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        self.server.requests.append(path)
        kind, body = self.server.pages.get(path, ("text/plain", b"not found"))
        self.send_response(HTTPStatus.OK if path in self.server.pages else HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _ColumnServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.pages = column_pages()
        self.requests: list[str] = []


class RecognitionPortal:
    """The 年报 column on its own 127.0.0.1 port; use as a context manager."""

    def __init__(self) -> None:
        self.server = _ColumnServer()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def start_url(self) -> str:
        return self.base + LIST

    def __enter__(self) -> RecognitionPortal:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)
