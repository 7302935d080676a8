"""The JPaaS unitbuild adapter (gov_reports.crawl.portals.jpaas) on the real shapes of portals.md §2.5.

Column pages whose list is not in the page but behind a ``unitbuild.js`` script tag (its ``url``,
``queryData`` in single quotes, ``paramJson`` HTML-escaped; attribute names in any case; a navigation unit
beside the list unit), and the endpoint's answers: a page with a total, pages without one, a short page, an
empty page, ``success: false`` without html, JSON without data, an HTML error page with status 200.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qsl, urlsplit

import pytest

from gov_reports.crawl.downloader.waf import detect_block
from gov_reports.crawl.portals import parse_listing
from gov_reports.crawl.portals.base import PageRequest
from gov_reports.crawl.portals.jpaas import MAX_PAGES, UNIT_PATH, js_object, signature, unit_request, units
from tests.support.paths import PORTAL_FIXTURES

FIXTURES = PORTAL_FIXTURES / "jpaas"
SITE = "http://www.nanxun.gov.cn"
COLUMN = SITE + "/col/col1229560123/index.html"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def query(request: PageRequest) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(request.url).query))


def first_request() -> PageRequest:
    listing = parse_listing(fixture("column_zj.html"), COLUMN)
    return next(page for page in listing.next_pages if page.adapter == "jpaas")


def answer(name: str, request: PageRequest) -> tuple[str, str, dict[str, str]]:
    return fixture(name), request.url, dict(request.state)


# --------------------------------------------------------------------------- the column page


def test_the_list_unit_is_read_from_its_script_attributes() -> None:
    found, unreadable = units(fixture("column_zj.html"), COLUMN)
    assert unreadable == 0 and len(found) == 1  # the navigation unit in the header is left out
    unit = found[0]
    assert unit.endpoint == SITE + UNIT_PATH
    # QUERYDATA (any case), single-quoted JSON; paramJson HTML-escaped JSON with the unit's page size.
    assert unit.query == {
        "parseType": "bulidstatic",
        "webId": "3630",
        "pageId": "1229560123",
        "tplSetId": "5HrZiFGOR8vHklhTYqM4B",
        "pageType": "column",
        "tagId": "信息列表",
        "editType": "null",
    }
    assert unit.param == {"pageNo": 1, "pageSize": 3}
    assert unit.page_size == 3


def test_the_column_page_asks_for_the_first_page_and_keeps_its_sub_columns() -> None:
    listing = parse_listing(fixture("column_zj.html"), COLUMN)
    assert listing.platform == "jpaas" and listing.ended is None and listing.skipped is None
    request = first_request()
    assert request.method == "GET" and urlsplit(request.url).path == UNIT_PATH
    params = query(request)
    assert params["pageId"] == "1229560123" and params["tagId"] == "信息列表" and params["editType"] == "null"
    assert json.loads(params["paramJson"]) == {"pageNo": 1, "pageSize": 3}
    assert dict(request.state) == {"page": "1", "size": "3", "total": "", "previous": ""}
    # The generic rules still see the side menu's sub-columns (部门年报, 乡镇年报).
    subcolumns = {page.url for page in listing.next_pages if page.subcolumn}
    assert subcolumns == {SITE + "/col/col1229560124/index.html", SITE + "/col/col1229560125/index.html"}


def test_a_page_with_only_one_unit_takes_it_whatever_its_tag() -> None:
    url = "https://www.miit.gov.cn/gxsj/zfxxgknb/index.html"
    listing = parse_listing(fixture("column_miit.html"), url)
    [request] = listing.next_pages
    params = query(request)
    assert params["tagId"] == "右侧内容" and params["pageId"] == "ca517c97303b40cf80bd668b35f6148f"
    assert json.loads(params["paramJson"]) == {"pageNo": 1, "pageSize": 15}  # no paramJson: 15 a page


def test_a_page_with_only_a_navigation_unit_is_a_plain_page() -> None:
    home = fixture("column_zj.html").split('<div id="div1229560123">')[0] + "</body></html>"
    listing = parse_listing(home, SITE + "/")
    assert listing.platform == "jpaas" and listing.skipped is None
    assert not [page for page in listing.next_pages if page.adapter == "jpaas"]
    assert any(link.title == "政务公开" for link in listing.links)


def test_a_unitbuild_shell_is_no_waf_block() -> None:
    url = "https://www.miit.gov.cn/gxsj/zfxxgknb/index.html"
    shell = fixture("column_miit.html").replace("</div>", '<div class="loading">加载中，请稍候……</div></div>').encode()
    assert detect_block(200, shell, content_type="text/html", url=url) is None  # the adapter reads its script
    assert detect_block(200, shell, content_type="text/html") is not None  # without its URL: a shell
    unreadable = fixture("column_unreadable.html").encode()
    assert detect_block(200, unreadable, content_type="text/html", url=COLUMN) is not None


def test_unreadable_unit_parameters_are_a_named_skip() -> None:
    listing = parse_listing(fixture("column_unreadable.html"), COLUMN)
    assert listing.platform == "jpaas"
    assert listing.skipped == "jpaas_unit_unreadable" and not listing.next_pages


def test_js_objects_in_attributes() -> None:
    assert js_object("{'tagId':'信息列表','editType':'null'}") == {"tagId": "信息列表", "editType": "null"}
    assert js_object('{"pageNo":1,"pageSize":"24"}') == {"pageNo": 1, "pageSize": "24"}
    assert js_object("{pageNo: 2, title: 'it\\'s \"quoted\"'}") == {"pageNo": 2, "title": 'it\'s "quoted"'}
    assert js_object("$!{unitQueryData}") is None
    assert js_object("['not', 'an', 'object']") is None
    assert js_object("") is None


def test_page_requests_merge_the_pages_own_parameters() -> None:
    [unit] = units(fixture("column_zj.html"), COLUMN)[0]
    second = unit_request(unit, 2, total=8, previous="abc")
    assert json.loads(query(second)["paramJson"]) == {"pageNo": 2, "pageSize": 3}
    assert dict(second.state) == {"page": "2", "size": "3", "total": "8", "previous": "abc"}


# --------------------------------------------------------------------------- the endpoint's answers


def test_an_answer_lists_its_links_with_their_full_titles_and_asks_for_the_next_page() -> None:
    request = first_request()
    listing = parse_listing(*answer("unit_page1.json", request)[:2], "jpaas", dict(request.state))
    assert listing.platform == "jpaas" and listing.ended is None
    assert [link.title for link in listing.links] == [
        "湖州市南浔区人民政府2022年政府信息公开工作年度报告",  # the title attribute, not the cut text
        "湖州市南浔区练市镇人民政府2022年政府信息公开工作年度报告",
        "关于做好2022年度政府信息公开工作年度报告编制发布工作的通知",
    ]
    assert listing.links[0].url == SITE + "/art/2023/1/16/art_1229560123_59126431.html"
    assert listing.links[0].date == "2023-01-16"
    [following] = listing.next_pages
    assert following.adapter == "jpaas"
    assert json.loads(query(following)["paramJson"]) == {"pageNo": 2, "pageSize": 3}
    assert query(following)["pageId"] == "1229560123"
    state = dict(following.state)
    assert state["page"] == "2" and state["total"] == "8" and state["previous"] == signature(listing.links)


def test_the_stated_total_ends_the_paging() -> None:
    [unit] = units(fixture("column_zj.html"), COLUMN)[0]
    last = unit_request(unit, 3, total=8)  # 8 entries, 3 a page: page 3 is the last
    listing = parse_listing(fixture("unit_page1.json"), last.url, "jpaas", dict(last.state))
    assert listing.links and not listing.next_pages and listing.ended is None
    # The total the first page stated (6: two pages) holds, though this page states 8.
    second = unit_request(unit, 2, total=6)
    listing = parse_listing(fixture("unit_page1.json"), second.url, "jpaas", dict(second.state))
    assert listing.links and not listing.next_pages and listing.ended is None


def test_a_page_beyond_the_total_is_refused() -> None:
    [unit] = units(fixture("column_zj.html"), COLUMN)[0]
    beyond = unit_request(unit, 4, total=8)
    listing = parse_listing(fixture("unit_page1.json"), beyond.url, "jpaas", dict(beyond.state))
    assert listing.ended == "past_total" and not listing.links and not listing.next_pages


def test_the_previous_page_again_ends_the_paging() -> None:
    request = first_request()
    first = parse_listing(fixture("unit_no_total.json"), request.url, "jpaas", dict(request.state))
    [second] = first.next_pages  # a full page and no total: ask for the next one
    again = parse_listing(fixture("unit_no_total.json"), second.url, "jpaas", dict(second.state))
    assert again.ended == "repeated_page" and not again.links and not again.next_pages


def test_a_short_page_without_a_total_is_the_last() -> None:
    request = first_request()
    listing = parse_listing(fixture("unit_short.json"), request.url, "jpaas", dict(request.state))
    assert len(listing.links) == 1 and not listing.next_pages and listing.ended is None


def test_an_empty_page_ends_the_list_and_is_counted_only_before_the_total() -> None:
    request = first_request()
    plain = parse_listing(fixture("unit_empty.json"), request.url, "jpaas", dict(request.state))
    assert not plain.links and not plain.next_pages and plain.ended is None
    [unit] = units(fixture("column_zj.html"), COLUMN)[0]
    early = unit_request(unit, 2, total=8)
    promised = parse_listing(fixture("unit_empty.json"), early.url, "jpaas", dict(early.state))
    assert promised.ended == "empty_page" and not promised.next_pages


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("unit_error.html", "api_not_json"),
        ("unit_refused.json", "api_missing_html"),
        ("unit_no_data.json", "api_missing_data"),
    ],
)
def test_bad_answers_end_the_paging_with_a_reason(name: str, reason: str) -> None:
    request = first_request()
    listing = parse_listing(fixture(name), request.url, "jpaas", dict(request.state))
    assert listing.ended == reason and not listing.links and not listing.next_pages


def test_the_page_budget_ends_the_paging() -> None:
    [unit] = units(fixture("column_zj.html"), COLUMN)[0]
    last = unit_request(unit, MAX_PAGES)
    listing = parse_listing(fixture("unit_no_total.json"), last.url, "jpaas", dict(last.state))
    assert listing.ended == "page_budget" and listing.links and not listing.next_pages


def test_a_crawl_started_at_an_endpoint_url_reads_its_page_from_the_url() -> None:
    [unit] = units(fixture("column_zj.html"), COLUMN)[0]
    url = unit_request(unit, 2).url
    listing = parse_listing(fixture("unit_no_total.json"), url)  # detected by its path, no state
    assert listing.platform == "jpaas" and len(listing.links) == 3
    [following] = listing.next_pages
    assert json.loads(query(following)["paramJson"])["pageNo"] == 3
