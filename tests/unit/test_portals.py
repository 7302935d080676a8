"""Listing pages: gov_reports.crawl.portals.parse_listing on the demo list pages and on synthetic snippets.

Hanweb (datastore records, POST dataproxy.jsp blocks), TRS (createPageHTML in
its classic 0-based and 6-argument 1-based forms, Chongqing's createPage) and
the generic fallback (下一页, ?page=N, never outside the column directory).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from w3lib.encoding import html_to_unicode

from gov_reports.crawl.portals import Listing, ListingLink, PageRequest, parse_listing
from gov_reports.demo.hanweb import render_datastore
from tests.support.paths import DEMO_ROOT as DEMO

HANWEB = "http://127.0.0.1:8001"
TRS = "http://127.0.0.1:8002"
GENERIC = "http://127.0.0.1:8003"
JIANGGAN = "http://127.0.0.1:8004"
COLUMN = json.loads((DEMO / "hanweb" / "_records" / "col4971.json").read_text(encoding="utf-8"))
FORM = (
    ("col", "1"),
    ("appid", "1"),
    ("webid", "1"),
    ("path", "/"),
    ("columnid", "4971"),
    ("sourceContentType", "1"),
    ("unitid", "8976"),
    ("webname", "哈尔滨市人民政府"),
    ("permissiontype", "0"),
)


def demo_listing(site: str, file: str, url: str) -> Listing:
    """Parse a demo list page, decoded as the crawler would (the trs site is GBK with no charset header)."""
    return parse_listing(html_to_unicode("text/html", (DEMO / site / file).read_bytes())[1], url)


def urls(requests: list[PageRequest]) -> list[str]:
    return [r.url for r in requests]


def link_urls(listing: Listing, base: str, prefix: str) -> list[str]:
    """The listing's links under `prefix`, site-relative."""
    return [link.url.removeprefix(base) for link in listing.links if link.url.startswith(base + prefix)]


def others(listing: Listing, url: str) -> list[str]:
    """Further pages other than the listing itself."""
    return [u for u in urls(listing.next_pages) if u != url]


# --------------------------------------------------------------------------- Hanweb


HANWEB_COLUMN = HANWEB + "/col/col4971/index.html"


@pytest.fixture(scope="module")
def hanweb() -> Listing:
    return demo_listing("hanweb", "col/col4971/index.html", HANWEB_COLUMN)


def test_hanweb_links_from_datastore_records(hanweb: Listing) -> None:
    assert hanweb.platform == "hanweb"
    first = COLUMN["records"][:4]
    assert hanweb.links == [ListingLink(url=HANWEB + r["href"], title=r["title"], date=r["date"]) for r in first]


def test_hanweb_next_pages_are_dataproxy_posts(hanweb: Listing) -> None:
    posts = [r for r in hanweb.next_pages if r.method == "POST"]
    assert posts == [
        PageRequest(
            url=HANWEB + "/module/web/jpage/dataproxy.jsp?startrecord=5&endrecord=10&perpage=4",
            method="POST",
            formdata=FORM,
        )
    ]
    assert not [u for u in others(hanweb, HANWEB_COLUMN) if "dataproxy" not in u]


def test_hanweb_blocks_of_three_pages() -> None:
    html = (DEMO / "hanweb" / "col/col4971/index.html").read_text(encoding="utf-8")
    html = html.replace("perPage:4,totalRecord:10", "perPage:4,totalRecord:40")
    starts = [u.split("?", 1)[1] for u in urls(parse_listing(html, HANWEB_COLUMN).next_pages) if "dataproxy" in u]
    assert starts == [
        "startrecord=5&endrecord=16&perpage=4",
        "startrecord=17&endrecord=28&perpage=4",
        "startrecord=29&endrecord=40&perpage=4",
    ]


def test_hanweb_dataproxy_response_parsed_without_further_pages() -> None:
    url = HANWEB + "/module/web/jpage/dataproxy.jsp?startrecord=5&endrecord=10&perpage=4"
    body = render_datastore(COLUMN, COLUMN["records"][4:10], total=len(COLUMN["records"]))
    listing = parse_listing(body, url)
    assert listing.platform == "hanweb"
    assert [link.url for link in listing.links] == [HANWEB + r["href"] for r in COLUMN["records"][4:10]]
    assert [link.title for link in listing.links] == [r["title"] for r in COLUMN["records"][4:10]]
    assert listing.next_pages == []


def test_hanweb_module_links_are_not_articles() -> None:
    body = render_datastore(COLUMN, COLUMN["records"][:1])
    body = body.replace(
        "</recordset>", "<record><![CDATA[<a href='/module/web/jpage/x.jsp'>更多</a>]]></record></recordset>"
    )
    assert [link.url for link in parse_listing(body, HANWEB_COLUMN).links] == [HANWEB + COLUMN["records"][0]["href"]]


# --------------------------------------------------------------------------- TRS


@pytest.mark.parametrize(
    ("file", "expected"),
    [
        ("zwgk/zfxxgknb/index.html", ["/zwgk/zfxxgknb/index_1.html", "/zwgk/zfxxgknb/index_2.html"]),
        ("zwgk/zfxxgknb/index_1.html", ["/zwgk/zfxxgknb/index.html", "/zwgk/zfxxgknb/index_2.html"]),
        ("zwgk/zfxxgknb/bmnb/index.shtml", ["/zwgk/zfxxgknb/bmnb/index_2.shtml"]),
    ],
)
def test_trs_create_page_html(file: str, expected: list[str]) -> None:
    url = f"{TRS}/{file}"
    listing = demo_listing("trs", file, url)
    assert listing.platform == "trs"
    assert others(listing, url) == [TRS + path for path in expected]
    assert all(r.method == "GET" and r.formdata is None for r in listing.next_pages)


def test_trs_links_include_the_reports() -> None:
    listing = demo_listing("trs", "zwgk/zfxxgknb/index_1.html", TRS + "/zwgk/zfxxgknb/index_1.html")
    assert link_urls(listing, TRS, "/zwgk/zfxxgknb/") == [
        "/zwgk/zfxxgknb/index.html",
        "/zwgk/zfxxgknb/202102/P020210205563201234567.pdf",  # a report published only as a PDF
        "/zwgk/zfxxgknb/202101/t20210128_5016.html",
        "/zwgk/zfxxgknb/202003/t20200330_5014.html",
        "/zwgk/zfxxgknb/201903/t20190320_5010.html",
    ]
    last = demo_listing("trs", "zwgk/zfxxgknb/index_2.html", TRS + "/zwgk/zfxxgknb/index_2.html")
    dated = {link.url.removeprefix(TRS): link.date for link in last.links if link.date}
    assert dated["/zwgk/zfxxgknb/t19700101_5008.html"] == "2018-03-20"


SNIPPET_LIST = '<ul><li><a href="./202301/t20230131_11549192.html">大足区2022年政府信息公开工作年度报告</a></li></ul>'


@pytest.mark.parametrize(
    ("script", "url", "expected"),
    [
        (
            'createPage(4, 0, "index", "html");',
            "http://www.dazu.gov.cn/zwgk/zfxxgknb/index.html",
            ["index_1.html", "index_2.html", "index_3.html"],
        ),
        (
            "createPageHTML(3, 2, 'index', 'htm');",
            "http://www.fzja.gov.cn/zwgk/zfxxgknb/index_2.htm",
            ["index.htm", "index_1.htm"],
        ),
        (
            "createPageHTML('page_div', 5, 1, 'fg', 'shtml', 89);",
            "http://www.csrc.gov.cn/csrc/c101953/fg.shtml",
            ["fg_2.shtml", "fg_3.shtml", "fg_4.shtml", "fg_5.shtml"],
        ),
        ('createPageHTML("page_div", 1, 1, "list", "shtml", 3);', "http://x.gov.cn/a/list.shtml", []),
    ],
)
def test_trs_snippets(script: str, url: str, expected: list[str]) -> None:
    listing = parse_listing(f"<html><body>{SNIPPET_LIST}<script>{script}</script></body></html>", url)
    base = url.rsplit("/", 1)[0] + "/"
    assert listing.platform == "trs"
    assert others(listing, url) == [base + name for name in expected]
    assert [link.url for link in listing.links] == [base + "202301/t20230131_11549192.html"]


# --------------------------------------------------------------------------- generic


def test_generic_first_page() -> None:
    url = GENERIC + "/xxgk/nb/list.html"
    listing = demo_listing("generic", "xxgk/nb/list.html", url)
    assert listing.platform == "generic"
    assert others(listing, url) == [url + "?page=2", url + "?page=3"]
    assert link_urls(listing, GENERIC, "/xxgk/nb/20") == [
        "/xxgk/nb/2023/0116/30571.html",
        "/xxgk/nb/2022/0128/29876.html",
    ]


def test_generic_middle_page_goes_both_ways() -> None:
    url = GENERIC + "/xxgk/nb/list.html?page=2"
    listing = demo_listing("generic", "xxgk/nb/list.html@page=2", url)
    assert others(listing, url) == [GENERIC + "/xxgk/nb/list.html", GENERIC + "/xxgk/nb/list.html?page=3"]


@pytest.mark.parametrize(
    ("site", "file", "url"),
    [
        ("generic", "xxgk/nb/list.html", GENERIC + "/xxgk/nb/list.html"),
        ("generic", "xxgk/nb/list.html@page=2", GENERIC + "/xxgk/nb/list.html?page=2"),
        ("jianggan", "zwgk/zfxxgkndbg/index.html", JIANGGAN + "/zwgk/zfxxgkndbg/index.html"),
        ("trs", "zwgk/zfxxgknb/bmnb/index.shtml", TRS + "/zwgk/zfxxgknb/bmnb/index.shtml"),
    ],
)
def test_next_pages_stay_in_the_column(site: str, file: str, url: str) -> None:
    column = url.rsplit("/", 1)[0] + "/"
    # Hanweb's POST endpoint (/module/web/jpage/dataproxy.jsp) is the CMS's own paging, outside any column.
    pages = [p.url for p in demo_listing(site, file, url).next_pages if p.method == "GET" and p.url != url]
    assert [u for u in pages if not u.startswith(column)] == []


def test_generic_single_page_column_has_no_further_pages() -> None:
    url = JIANGGAN + "/zwgk/zfxxgkndbg/index.html"
    assert others(demo_listing("jianggan", "zwgk/zfxxgkndbg/index.html", url), url) == []


def snippet(body: str, url: str) -> Listing:
    return parse_listing(f"<html><body>{body}</body></html>", url)


@pytest.mark.parametrize(
    ("body", "url", "expected"),
    [
        (
            '<a href="list.jsp?pageNo=2">2</a> <a href="list.jsp?pageNo=3">3</a> <a href="?pageNo=3">下一页</a>',
            "http://x.gov.cn/xxgk/nb/list.jsp?pageNo=1",
            ["http://x.gov.cn/xxgk/nb/list.jsp?pageNo=2", "http://x.gov.cn/xxgk/nb/list.jsp?pageNo=3"],
        ),
        (
            '<a href="index_2.html">2</a> <a href="index_3.html">尾页</a>',
            "http://x.gov.cn/zwgk/ndbg/index.html",
            ["http://x.gov.cn/zwgk/ndbg/index_2.html", "http://x.gov.cn/zwgk/ndbg/index_3.html"],
        ),
        (
            '<a href="2021/">2021年</a> <a href="bmnb/">部门年报</a> <a href="/news/">新闻</a>',
            "http://x.gov.cn/zwgk/zfxxgknb/index.html",
            ["http://x.gov.cn/zwgk/zfxxgknb/2021/", "http://x.gov.cn/zwgk/zfxxgknb/bmnb/"],
        ),
    ],
)
def test_generic_page_links(body: str, url: str, expected: list[str]) -> None:
    listing = snippet(body, url)
    assert listing.platform == "generic"
    assert others(listing, url) == expected


@pytest.mark.parametrize(
    "footer",
    [
        '<div class="footer"><a href="/news/index_2.html">2</a></div>',
        '<div class="footer"><a href="/news/list.html?page=2">2</a></div>',
        '<div class="footer"><a href="http://other.gov.cn/xxgk/nb/list.html?page=2">2</a></div>',
        '<div class="footer"><a href="/xxgk/nb/about.html">2</a></div>',
        '<div class="footer"><a href="/">下一页</a></div>',
    ],
)
def test_generic_footer_number_outside_the_column_not_followed(footer: str) -> None:
    url = "http://x.gov.cn/xxgk/nb/list.html"
    listing = snippet(
        f'<ul><li><a href="2021/0205/1.html">虎林市2020年政府信息公开工作年度报告</a></li></ul>{footer}', url
    )
    assert listing.next_pages == []


def test_listing_link_dates_and_titles() -> None:
    listing = snippet(
        '<li><a href="/a/1.html" title="虎林市2020年政府信息公开工作年度报告">虎林市2020年政府信息…</a>'
        "<span>2021-02-05</span></li>",
        "http://x.gov.cn/a/list.html",
    )
    assert listing.links == [
        ListingLink(url="http://x.gov.cn/a/1.html", title="虎林市2020年政府信息公开工作年度报告", date="2021-02-05")
    ]


@pytest.mark.parametrize(
    ("site", "file", "url"),
    [
        ("hanweb", "col/col4971/index.html", HANWEB_COLUMN),
        ("trs", "zwgk/zfxxgknb/index.html", TRS + "/zwgk/zfxxgknb/index.html"),
        ("jianggan", "zwgk/zfxxgkndbg/index.html", JIANGGAN + "/zwgk/zfxxgkndbg/index.html"),
    ],
)
def test_listing_does_not_list_itself_as_a_further_page(site: str, file: str, url: str) -> None:
    assert url not in urls(demo_listing(site, file, url).next_pages)


def test_page_request_is_hashable_and_comparable() -> None:
    a: Any = PageRequest(url="http://x.gov.cn/a", method="POST", formdata=FORM)
    assert {a, PageRequest(url="http://x.gov.cn/a", method="POST", formdata=FORM)} == {a}


def test_an_answer_goes_back_to_the_adapter_that_asked_for_it() -> None:
    # A JSON answer matches no adapter's detection; named, it is read by the one that asked (here: generic).
    listing = parse_listing('{"total": 0}', "http://h.example/api/all/5?page=1", adapter="generic", state={"page": "1"})
    assert listing.platform == "generic"
    with pytest.raises(KeyError, match="no portal adapter named 'nope'"):
        parse_listing("<html></html>", "http://h.example/", adapter="nope")


def test_a_postback_to_the_same_url_is_kept_while_a_plain_link_to_itself_is_not() -> None:
    from gov_reports.crawl.portals import _without_self

    url = "http://h.example/list.aspx"
    listing = Listing(
        platform="x",
        next_pages=[
            PageRequest(url=url),
            PageRequest(url=url, method="POST", formdata=(("__EVENTARGUMENT", "Page$2"),), from_response=True),
        ],
    )
    assert [p.method for p in _without_self(listing, url).next_pages] == ["POST"]
