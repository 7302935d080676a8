"""The gkmlpt adapter (gov_reports.crawl.portals.gkmlpt) on pages and API answers shaped like the real ones.

tests/fixtures/portals/gkmlpt/ copies the shapes of reference/portals.md §4 and of public gkmlpt
answers (invented data): the SID and the category tree in `window._CONFIG` (JSON) or in `var SID` /
`var TREE` (a JavaScript literal with comments and trailing commas), and the list API's
`{classify, total, offset, articles}` with epoch seconds, epoch milliseconds and text times. Then
the failure modes: an HTML page instead of JSON, missing keys, an empty page, a page past the total,
a page repeated by an API that ignores the page number, a total that changes, no SID, no tree, no
年报 category.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse

from gov_reports.crawl.downloader.waf import BlockPage, detect_block
from gov_reports.crawl.portals import BY_NAME, Listing, ListingLink, PageRequest, parse_listing, reads_script_page
from gov_reports.crawl.portals.gkmlpt import (
    MAX_PAGES,
    Category,
    annual_categories,
    category_tree,
    is_annual_name,
    matches,
    publish_date,
    site_id,
)
from gov_reports.crawl.portals.scripts import MAX_DEPTH, NotALiteral, inline_scripts, literal_at
from gov_reports.crawl.spiders.annual_reports import listing_url
from tests.support.paths import PORTAL_FIXTURES

FIXTURES = PORTAL_FIXTURES / "gkmlpt"
JR = "http://jr.sz.gov.cn"
YJ = "http://www.yangjiang.gov.cn"
API = JR + "/gkmlpt/api/all/2826?page=1&sid=755031"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def api_body(name: str, **changes: Any) -> str:
    data = json.loads(fixture(name))
    data.update(changes)
    return json.dumps(data, ensure_ascii=False)


def state_of(request: PageRequest) -> dict[str, str]:
    return dict(request.state)


# --------------------------------------------------------------------------- detection


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (JR + "/gkmlpt/index", True),
        (JR + "/gkmlpt/mindex#2826", True),
        (JR + "/gkmlpt/", True),
        (YJ + "/yjzjj/gkmlpt/index#721", True),  # a department's directory under the city's portal
        (API, True),
        (JR + "/gkmlpt/content/9/9487/post_9487321.html", False),  # a report page
        (JR + "/gkmlpt/policy", False),
        (JR + "/xxgk/gkmlpt_index.html", False),
        ("http://www.lg.gov.cn/xxgk/xxgknb/qzfgzbm/content/post_11956962.html", False),
    ],
)
def test_matches_the_directory_and_its_api_by_url(url: str, expected: bool) -> None:
    assert matches("", url) is expected


def test_the_directory_is_read_by_the_gkmlpt_adapter_before_any_other() -> None:
    listing = parse_listing(fixture("index_config.html"), JR + "/gkmlpt/index")
    assert listing.platform == "gkmlpt"
    assert BY_NAME["gkmlpt"].generic_pagination is False


# --------------------------------------------------------------------------- page scripts as text


@pytest.mark.parametrize(
    ("script", "sid"),
    [
        ("window._CONFIG = {SID: '755031', TREE: []};", "755031"),
        ('window.SID = "2";', "2"),
        ("var SID=751025;", "751025"),
        ('var config = {"SID":"200025"};', "200025"),
        ("window._CONFIG = {SITE_ID: '755031'};", None),  # another key
    ],
)
def test_sid_from_the_page_script(script: str, sid: str | None) -> None:
    assert site_id(f"<html><body><script>{script}</script></body></html>") == sid


def test_sid_only_from_inline_scripts() -> None:
    page = "<html><body><p>SID: '755031'</p><script src=\"/x.js\">SID: '1'</script></body></html>"
    assert site_id(page) is None
    assert inline_scripts(page) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('[{"id": 1, "name": "年报", "children": []}]', [{"id": 1, "name": "年报", "children": []}]),
        ("[{id: 1, name: '年报', children: [],},]", [{"id": 1, "name": "年报", "children": []}]),
        ("{a: 'it\\'s', b: \"\\u5e74\\u62a5\", c: -1.5e2, d: true, e: null, f: undefined}", None),
        ("[1, /* a comment */ 2, // to the end of the line\n 3]", [1, 2, 3]),
        ("{'quoted key': [], 2019: '年度'}", {"quoted key": [], "2019": "年度"}),
        ("`a template`", "a template"),
    ],
)
def test_literals_are_read_as_data(text: str, value: Any) -> None:
    got, end = literal_at(text, 0)
    if value is None:
        assert got == {"a": "it's", "b": "年报", "c": -150.0, "d": True, "e": None, "f": None}
    else:
        assert got == value
    assert end == len(text.rstrip())


@pytest.mark.parametrize(
    "text",
    [
        "[{id: 1, name: loadName()}]",  # a call: code, not data
        "[{id: 1, name: NAME}]",  # a variable
        "[`${name}`]",  # a template with a substitution
        "[{id: 1, name: '年报}]",  # an unclosed string
        "[1, 2",  # cut off
        "{id 1}",
        "[1 2]",
        "[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2),
    ],
)
def test_anything_but_a_literal_is_refused(text: str) -> None:
    with pytest.raises(NotALiteral):
        literal_at(text, 0)


def test_category_tree_from_json_in_config() -> None:
    tree = category_tree(fixture("index_config.html"))
    assert [c.name for c in tree] == ["机构概况", "政策法规", "法定主动公开内容"]
    disclosure = tree[2]
    assert [c.id for c in disclosure.children] == ["2821", "2826", "2829"]
    assert [c.name for c in disclosure.children[1].children] == ["2021年度", "2020年度"]


def test_category_tree_from_a_javascript_literal() -> None:
    tree = category_tree(fixture("mindex_literal.html"))
    assert [(c.id, c.name) for c in tree] == [
        ("701", "概况信息"),
        ("715", "年度报告"),
        ("721", "工程造价信息"),
        ("730", "其他"),
    ]
    assert [c.name for c in tree[1].children] == ["局本级", "下属单位"]


def test_category_tree_skips_entries_that_are_not_categories() -> None:
    script = (
        "var TREE = [{id: 'x', name: 'a'}, {id: true, name: 'b'}, {id: 3, name: ''}, {name: 'c'}, 5,"
        " {id: '7', name: ' 政府信息公开年报 ', child: [{id: 8, name: '2021年'}]}];"
    )
    tree = category_tree(f"<script>{script}</script>")
    assert tree == (Category("7", "政府信息公开年报", (Category("8", "2021年"),)),)


def test_a_tree_found_without_a_known_key() -> None:
    page = '<script>init("#app", [{"id": 12, "name": "政府信息公开年报", "children": []}]);</script>'
    assert category_tree(page) == (Category("12", "政府信息公开年报"),)


def test_a_long_bundle_before_the_tree_is_read_within_bounds() -> None:
    bundle = "var data = " + "[{a: f(1)}, " * 5000 + ";\n"  # thousands of arrays that are no literals
    named = f"<script>{bundle}var TREE = [{{id: 5, name: '年报'}}];</script>"
    assert category_tree(named) == (Category("5", "年报"),)
    json_bundle = "var data = " + json.dumps([{"a": [{"b": i}]} for i in range(5000)]) + ";\n"
    unnamed = f"<script>{json_bundle}init([{{id: 6, name: '年度报告'}}]);</script>"
    assert category_tree(unnamed) == (Category("6", "年度报告"),)  # the JSON arrays are read once, at C speed


def test_a_literal_longer_than_asked_is_refused() -> None:
    text = "[" + ", ".join(["'x'"] * 1000) + "]"
    assert literal_at(text, 0, max_chars=len(text))[1] == len(text)
    with pytest.raises(NotALiteral, match="too long"):
        literal_at(text, 0, max_chars=100)


# --------------------------------------------------------------------------- the 年报 category, by name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("政府信息公开年报", True),
        ("政府信息公开年度报告", True),
        ("政府信息公开工作年度报告", True),
        ("年度报告", True),
        ("信息公开年报", True),
        ("信息公开年报（2018年以前）", True),
        ("政务公开年度报告", True),
        ("政府网站工作年度报表", False),
        ("统计年报", False),
        ("财政预决算", False),
        ("政府信息公开指南", False),
        ("政府信息公开制度", False),
    ],
)
def test_annual_category_names(name: str, expected: bool) -> None:
    assert is_annual_name(name) is expected


def test_annual_categories_with_their_children_not_by_id() -> None:
    tree = category_tree(fixture("index_config.html"))
    assert [(c.id, c.name) for c in annual_categories(tree)] == [
        ("2826", "政府信息公开年报"),
        ("2827", "2021年度"),  # per year: children of the 年报 category, whatever their names
        ("2828", "2020年度"),
    ]
    literal = category_tree(fixture("mindex_literal.html"))
    assert [c.id for c in annual_categories(literal)] == ["715", "716", "717", "731"]  # two 年报 branches


def test_a_category_named_in_the_url_narrows_to_its_branch() -> None:
    tree = category_tree(fixture("index_config.html"))
    assert [c.id for c in annual_categories(tree, focus="2827")] == ["2827"]
    assert [c.id for c in annual_categories(tree, focus="2826")] == ["2826", "2827", "2828"]
    # A URL pointing at another category (a menu's default) does not hide the 年报 one.
    assert [c.id for c in annual_categories(tree, focus="2812")] == ["2826", "2827", "2828"]


# --------------------------------------------------------------------------- the directory page


def test_directory_page_asks_the_api_for_each_annual_category() -> None:
    listing = parse_listing(fixture("index_config.html"), JR + "/gkmlpt/index")
    assert listing.annual_column and listing.links == [] and listing.skipped is None
    assert [r.url for r in listing.next_pages] == [
        JR + "/gkmlpt/api/all/2826?page=1&sid=755031",
        JR + "/gkmlpt/api/all/2827?page=1&sid=755031",
        JR + "/gkmlpt/api/all/2828?page=1&sid=755031",
    ]
    first = listing.next_pages[0]
    assert first.adapter == "gkmlpt" and first.method == "GET"
    assert state_of(first) == {"category": "2826", "sid": "755031", "page": "1"}


def test_directory_under_a_prefix_keeps_it_for_the_api() -> None:
    listing = parse_listing(fixture("mindex_literal.html"), YJ + "/yjzjj/gkmlpt/mindex#715")
    assert [r.url for r in listing.next_pages] == [
        YJ + f"/yjzjj/gkmlpt/api/all/{c}?page=1&sid=662021" for c in ("715", "716", "717")
    ]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("index_no_sid.html", "no_sid"),
        ("index_no_tree.html", "no_category_tree"),
        ("index_no_annual.html", "no_annual_category"),
    ],
)
def test_directory_pages_that_cannot_be_listed_are_named_skips(name: str, reason: str) -> None:
    listing = parse_listing(fixture(name), JR + "/gkmlpt/index")
    assert (listing.platform, listing.skipped, listing.next_pages, listing.annual_column) == (
        "gkmlpt",
        reason,
        [],
        False,
    )


# --------------------------------------------------------------------------- publish times


@pytest.mark.parametrize(
    ("value", "date"),
    [
        (1642631400, "2022-01-20"),  # 2022-01-19 22:30 UTC is 06:30 in China
        ("1642631400", "2022-01-20"),
        (1579537800000, "2020-01-21"),  # milliseconds: 2020-01-20 16:30 UTC
        (1642631400.0, "2022-01-20"),
        ("2021-01-20 10:00:00", "2021-01-20"),
        ("2021/1/5", "2021-01-05"),
        ("2021年1月28日", "2021-01-28"),
        ("2021-02-30", None),
        (0, None),
        (-5, None),
        (True, None),
        (None, None),
        ("", None),
        ("昨天", None),
        (99999999999999999, None),
        ({"t": 1}, None),
    ],
)
def test_publish_date(value: Any, date: str | None) -> None:
    assert publish_date(value) == date


# --------------------------------------------------------------------------- the list API


def test_first_api_page_links_dates_publishers_and_the_next_page() -> None:
    state = {"category": "2826", "sid": "755031", "page": "1"}
    listing = parse_listing(fixture("api_page1.json"), API, adapter="gkmlpt", state=state)
    assert listing.platform == "gkmlpt" and listing.annual_column and listing.ended is None
    assert listing.links[0] == ListingLink(
        url=JR + "/gkmlpt/content/9/9487/post_9487321.html",
        title="深圳市地方金融监督管理局2021年政府信息公开工作年度报告",
        date="2022-01-20",
        published="2022-01-20",  # display_publish_time; create_time (2022-01-13) is never used
        evidence=(("publisher", "深圳市地方金融监督管理局"),),
    )
    assert listing.links[2].url == JR + "/gkmlpt/content/8/8471/post_8471230.html"  # protocol-relative
    assert listing.links[3].evidence == ()  # an empty publisher is no evidence
    assert len(listing.links) == 4  # the article without a title is no link
    (following,) = listing.next_pages
    assert following.url == JR + "/gkmlpt/api/all/2826?page=2&sid=755031"
    assert following.adapter == "gkmlpt"
    assert state_of(following) == {
        "category": "2826",
        "sid": "755031",
        "page": "2",
        "total": "11",
        "size": "5",
        "previous": "id:9487321",
    }


def test_times_in_milliseconds_text_and_missing() -> None:
    listing = parse_listing(fixture("api_times.json"), API, adapter="gkmlpt", state={"page": "1"})
    assert [(link.url, link.published) for link in listing.links] == [
        (JR + "/gkmlpt/content/4/4887/post_4887794.html", "2020-01-21"),  # post_url, milliseconds
        ("http://drc.gd.gov.cn/gkmlpt/content/3/3466/post_3466564.html", "2021-01-20"),  # text
        ("http://tjj.gd.gov.cn/gkmlpt/content/3/3466/post_3466570.html", "2021-01-28"),  # first_publish_time
        ("http://audit.gd.gov.cn/gkmlpt/content/3/3466/post_3466571.html", None),  # only create_time
    ]
    assert listing.next_pages == [] and listing.ended is None  # 4 of 4


def next_state(listing: Listing) -> dict[str, str]:
    (following,) = listing.next_pages
    return state_of(following)


def later_page(page: int, **changes: str) -> dict[str, str]:
    state = {"category": "2826", "sid": "755031", "page": str(page), "total": "11", "size": "5"}
    state["previous"] = "id:1"
    state.update(changes)
    return state


def api_at(page: int) -> str:
    return JR + f"/gkmlpt/api/all/2826?page={page}&sid=755031"


def articles(first_id: int, count: int) -> list[dict[str, Any]]:
    return [
        {
            "id": first_id + i,
            "title": f"某县{2021 - i}年政府信息公开工作年度报告",
            "url": f"/gkmlpt/content/{first_id + i}.html",
        }
        for i in range(count)
    ]


def test_the_last_page_ends_paging_at_the_total() -> None:
    body = json.dumps({"total": 11, "articles": articles(100, 1)})
    listing = parse_listing(body, api_at(3), adapter="gkmlpt", state=later_page(3))
    assert len(listing.links) == 1 and listing.next_pages == [] and listing.ended is None


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (fixture("api_error.html"), "api_not_json"),  # the HTML error page, served with status 200
        ("", "api_not_json"),
        (fixture("api_missing_articles.json"), "api_missing_articles"),
        ('{"total": 11, "articles": {"id": 1}}', "api_missing_articles"),
        ("[1, 2]", "api_missing_articles"),
        ('{"total": 11, "articles": []}', "api_empty_page"),
        ('{"total": 11, "offset": 15, "articles": []}', "past_total"),
    ],
)
def test_bad_answers_end_paging_with_a_reason(body: str, reason: str) -> None:
    listing = parse_listing(body, api_at(2), adapter="gkmlpt", state=later_page(2))
    assert (listing.ended, listing.next_pages, listing.links) == (reason, [], [])


def test_a_page_past_the_total_is_not_read() -> None:
    body = json.dumps({"total": 11, "articles": articles(200, 5)})
    listing = parse_listing(body, api_at(4), adapter="gkmlpt", state=later_page(4))
    assert (listing.ended, listing.links, listing.next_pages) == ("past_total", [], [])


def test_missing_total_keeps_the_links_but_pages_no_further() -> None:
    body = api_body("api_page1.json", total=None)
    listing = parse_listing(body, API, adapter="gkmlpt", state={"category": "2826", "page": "1"})
    assert listing.ended == "api_missing_total" and len(listing.links) == 4 and listing.next_pages == []


def test_an_empty_first_page_of_an_empty_category_is_no_fault() -> None:
    listing = parse_listing('{"total": 0, "articles": []}', API, adapter="gkmlpt", state={"page": "1"})
    assert (listing.ended, listing.next_pages) == (None, [])


def test_a_changed_total_is_counted_and_the_first_one_kept() -> None:
    body = json.dumps({"total": 40, "articles": articles(300, 5)})
    listing = parse_listing(body, api_at(2), adapter="gkmlpt", state=later_page(2))
    assert listing.ended == "total_changed" and len(listing.links) == 5
    assert next_state(listing)["total"] == "11"  # page 3 of the first total's three
    last = parse_listing(json.dumps({"total": 40, "articles": articles(305, 5)}), api_at(3), "gkmlpt", later_page(3))
    assert last.next_pages == []  # 15 >= 11: no page 4 although the API now says 40


class EndlessApi:
    """An API that answers every page number, as badly as asked."""

    def __init__(self, total: int, same_page: bool = False) -> None:
        self.total, self.same_page, self.calls = total, same_page, 0

    def __call__(self, page: int) -> str:
        self.calls += 1
        first = 0 if self.same_page else (page - 1) * 5
        return json.dumps({"total": self.total, "articles": articles(1000 + first, 5)})


def page_through(api: EndlessApi, limit: int = MAX_PAGES + 10) -> list[Listing]:
    listings: list[Listing] = []
    request = PageRequest(url=api_at(1), adapter="gkmlpt", state=(("category", "2826"), ("page", "1")))
    for _ in range(limit):
        state = dict(request.state)
        listing = parse_listing(api(int(state["page"])), request.url, adapter="gkmlpt", state=state)
        listings.append(listing)
        if not listing.next_pages:
            return listings
        (request,) = listing.next_pages
    raise AssertionError("paging did not end")


def test_an_api_that_ignores_the_page_number_ends_at_the_repeat() -> None:
    listings = page_through(EndlessApi(total=10**6, same_page=True))
    assert len(listings) == 2 and listings[-1].ended == "repeated_page"


def test_an_enormous_total_ends_at_the_page_limit() -> None:
    listings = page_through(EndlessApi(total=10**9))
    assert len(listings) == MAX_PAGES and listings[-1].ended == "page_limit"


def test_paging_stops_when_the_total_is_covered() -> None:
    api = EndlessApi(total=23)
    listings = page_through(api)
    assert api.calls == 5 and [lst.ended for lst in listings] == [None] * 5
    assert sum(len(lst.links) for lst in listings) == 25  # the API's fifth page is full: its links are kept


def test_an_api_url_as_a_start_is_paged_from_its_own_query() -> None:
    listing = parse_listing(fixture("api_page1.json"), API)  # no state: a registry row giving the API itself
    assert listing.platform == "gkmlpt" and len(listing.links) == 4
    assert next_state(listing) == {
        "category": "2826",
        "page": "2",
        "total": "11",
        "size": "5",
        "previous": "id:9487321",
    }
    assert listing.next_pages[0].url == JR + "/gkmlpt/api/all/2826?page=2&sid=755031"


# --------------------------------------------------------------------------- around the adapter


def test_the_directory_shell_is_no_waf_block_when_its_scripts_can_be_read() -> None:
    body = fixture("index_config.html").encode()
    url = JR + "/gkmlpt/index"
    assert reads_script_page(body.decode(), url)
    assert detect_block(200, body, content_type="text/html", url=url) is None
    assert detect_block(200, body, content_type="text/html") is not None  # without its URL: an empty shell
    # No SID, or not a directory URL: a shell is a shell.
    no_sid = fixture("index_no_tree.html").replace("SID: '200025', ", "").encode()
    assert detect_block(200, no_sid, content_type="text/html", url=url) is not None
    assert detect_block(200, body, content_type="text/html", url=JR + "/xxgk/index.html") is not None
    # A loading text is no challenge on the directory; a refusal with an error status still is one.
    loading = body.replace(b'<div id="app"></div>', '<div id="app">正在加载，请稍候……</div>'.encode())
    assert detect_block(200, loading, content_type="text/html") == BlockPage("challenge_page", "请稍候")
    assert detect_block(200, loading, content_type="text/html", url=url) is None
    refused = body.replace(b'<div id="app"></div>', "<p>访问被拒绝</p>".encode())
    assert detect_block(403, refused, content_type="text/html", url=url) == BlockPage("challenge_page", "访问被拒绝")


def test_the_listing_url_keeps_the_fragment_it_was_asked_with() -> None:
    asked = Request("http://h.example/gkmlpt/mindex#2761")
    same = HtmlResponse(url="http://h.example/gkmlpt/mindex", body=b"<html></html>", request=asked)
    assert listing_url(same) == "http://h.example/gkmlpt/mindex#2761"
    moved = HtmlResponse(url="http://h.example/gkmlpt/index", body=b"<html></html>", request=asked)
    assert listing_url(moved) == "http://h.example/gkmlpt/index"  # redirected: the fragment was for another page
