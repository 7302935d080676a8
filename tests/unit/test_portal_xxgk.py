"""The Hanweb 信息公开 module adapter (gov_reports/crawl/portals/xxgk/) on fixtures that copy the real shapes.

tests/fixtures/portals/xxgk/: column pages that carry the search.jsp query as a POST form (浙江省生态环境厅),
an iframe address (GET, the older 浙江省环境保护厅 shape), a jQuery `.load(url, {…})` call and an `$.ajax`
GET; search.jsp answers in the table layout (「共10条记录&nbsp;&nbsp;共3页」), the newer `<li>` layout
(「共&nbsp;2&nbsp;页」), 「页次：2/4」, an error page, an answer without pager, an empty list; annual-report
views with year links and a unit select (济宁, `area` before `fbtime`), year and unit selects with 「暂无」
(丽水), a script array of years and an empty body, a body that only links the report's file, 「没有找到」
without a content box, and the module's exception page.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest

from gov_reports.crawl.portals import ADAPTERS, parse_listing, xxgk
from gov_reports.crawl.portals.base import Listing, ListingLink, PageRequest
from tests.support.paths import PORTAL_FIXTURES

FIXTURES = PORTAL_FIXTURES / "xxgk"
SITE = "https://sthjt.zj.gov.cn"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def read(name: str, url: str, state: dict[str, str] | None = None, adapter: str | None = None) -> Listing:
    return parse_listing(fixture(name), url, adapter, state)


def query(url: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(url).query, keep_blank_values=True))


def answer(name: str, request: PageRequest) -> Listing:
    """The fixture read as the answer to `request` (the adapter named on it, with its state)."""
    return parse_listing(fixture(name), request.url, request.adapter, dict(request.state))


# --------------------------------------------------------------------------- detection


def test_registered_before_hanweb_and_generic() -> None:
    names = [adapter.name for adapter in ADAPTERS]
    assert names.index("xxgk") < names.index("hanweb") < names.index("generic")


@pytest.mark.parametrize(
    ("html", "url", "expected"),
    [
        ("<html></html>", SITE + "/module/xxgk/search.jsp?currpage=2", True),
        ("<html></html>", SITE + "/module/xxgk/xxgkAnnualReport.jsp?fbtime=2023&area=X", True),
        ('<form action="/module/xxgk/search.jsp"></form>', SITE + "/col/col1/index.html", True),
        ('<a href="/module/xxgk/xxgkAnnualReport.jsp?fbtime=2023&area=1">年报</a>', SITE + "/", True),
        (
            '<a href="/module/xxgk/tree.jsp?area=1">目录</a><datastore></datastore>',
            SITE + "/col/col1/index.html",
            False,
        ),
        ("<ul><li><a href='/art/2024/1/1/art_1_1.html'>x</a></li></ul>", SITE + "/col/col1/index.html", False),
    ],
)
def test_matches(html: str, url: str, expected: bool) -> None:
    assert xxgk.matches(html, url) is expected


# --------------------------------------------------------------------------- column pages


def test_post_form_becomes_the_first_page_request() -> None:
    listing = read("column_post_form.html", SITE + "/col/col1229116546/index.html")
    assert listing.platform == "xxgk" and listing.annual_column  # its ColumnName is 政府信息公开年报
    search = [p for p in listing.next_pages if "search.jsp" in p.url]
    assert len(search) == 1
    first = search[0]
    assert (first.method, first.adapter) == ("POST", "xxgk")
    form = dict(first.formdata or ())
    # The hidden fields as the page sends them, the selected option, no button, no unchecked box.
    assert {k: form[k] for k in ("infotypeId", "jdid", "area", "divid", "sortfield", "currpage")} == {
        "infotypeId": "B001AC001",
        "jdid": "1756",
        "area": "002482429",
        "divid": "div1474328",
        "sortfield": ",compaltedate:0",
        "currpage": "1",
    }
    assert form["unit"] == "002482429" and form["keyWord"] == ""
    assert "btnSearch" not in form and "onlyValid" not in form
    # The action's own query is kept (a JSP reads the query string first), currpage in it too.
    assert urlsplit(first.url).path == "/module/xxgk/search.jsp"
    assert query(first.url)["currpage"] == "1" and query(first.url)["sortfield"] == ",compaltedate:0"
    state = dict(first.state)
    assert state["page"] == "1" and state["method"] == "POST"
    assert state["annual"] == "1"  # ColumnName: 政府信息公开年报


def test_column_page_also_reads_its_datastore_and_the_annual_view_link() -> None:
    listing = read("column_post_form.html", SITE + "/col/col1229116546/index.html")
    titles = [link.title for link in listing.links]
    assert "浙江省生态环境厅2023年政府信息公开工作年度报告" in titles  # the datastore's record
    assert not [link for link in listing.links if "/module/xxgk/" in link.url]  # the module's pages are lists
    views = [p for p in listing.next_pages if "xxgkAnnualReport.jsp" in p.url]
    assert views == [
        PageRequest(url=SITE + "/module/xxgk/xxgkAnnualReport.jsp?fbtime=2023&area=11330000002482429M", adapter="xxgk")
    ]
    assert len(listing.next_pages) == 2  # the search.jsp list and the view: nothing else to page


def test_iframe_address_is_a_get_with_currpage() -> None:
    listing = read("column_iframe_get.html", "http://www.zjepb.gov.cn/col/col1201347/index.html")
    assert listing.annual_column  # <title>政府信息公开年报_…
    (first,) = listing.next_pages
    assert first.method == "GET" and first.formdata is None and first.adapter == "xxgk"
    assert query(first.url) == {
        "divid": "div1201347",
        "infotypeId": "A001AD001A001A001",
        "jdid": "1756",
        "area": "002482429",
        "sortfield": "",
        "currpage": "1",
    }


def test_script_load_call_is_a_post_of_its_object() -> None:
    listing = read("column_script_load.html", SITE + "/col/col1229116546/index.html")
    (first,) = listing.next_pages
    assert dict(first.state)["annual"] == "1"
    assert first.method == "POST" and first.url == SITE + "/module/xxgk/search.jsp"
    form = dict(first.formdata or ())
    assert form["infotypeId"] == "B001A012" and form["divid"] == "div1229106886" and form["area"] == ""
    assert form["currpage"] == "1" and form["standardXxgk"] == "1"


def test_script_ajax_get() -> None:
    listing = read("column_script_ajax_get.html", "https://www.zj.gov.cn/col/col1229498488/index.html")
    (first,) = listing.next_pages
    assert first.method == "GET"
    q = query(first.url)
    assert q["infotypeId"] == "A0212" and q["jdid"] == "3096" and q["divid"] == "div1229498488"
    assert q["currpage"] == "1" and q["standardXxgk"] == "0"  # the script's page variable, the url's own query


# --------------------------------------------------------------------------- the pager


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("共10条记录&nbsp;&nbsp;共3页&nbsp;&nbsp;当前第1页", (1, 3)),
        ("&nbsp;&nbsp;共12页&nbsp;", (None, 12)),
        ("共&nbsp;2&nbsp;页", (None, 2)),
        ("共 2 页 当前第 2 页", (2, 2)),
        ("共<b>4</b>页", (None, 4)),
        ("总记录：31&nbsp;&nbsp;每页15条&nbsp;&nbsp;页次：2/4", (2, 4)),
        ("第3/5页", (3, 5)),
        ("共10条记录", (None, None)),
        ("", (None, None)),
    ],
)
def test_page_count(text: str, expected: tuple[int | None, int | None]) -> None:
    assert xxgk.page_count(text) == expected


# --------------------------------------------------------------------------- search.jsp answers


@pytest.fixture()
def first_request() -> PageRequest:
    listing = read("column_post_form.html", SITE + "/col/col1229116546/index.html")
    return next(p for p in listing.next_pages if "search.jsp" in p.url)


def test_table_answer_rows_and_the_next_page(first_request: PageRequest) -> None:
    listing = answer("search_table_page1.html", first_request)
    assert listing.ended is None and listing.annual_column
    evidence = (("credit_code", "002482429"),)  # the catalogue's unit (form area)
    assert listing.links[0] == ListingLink(
        url=SITE + "/art/2024/1/26/art_1229116546_59012345.html",
        title="浙江省生态环境厅2023年政府信息公开工作年度报告",  # the title attribute, not the cut text
        date="2024-01-26",
        evidence=evidence,
    )
    assert [link.date for link in listing.links] == ["2024-01-26", "2023-01-20", "2022-01-28", "2021-11-02"]
    # A report published only as a file, behind Hanweb's download script, is an entry; the pager is not.
    assert SITE + "/module/download/downfile.jsp?classid=0&filename=2201281545123.pdf" in [x.url for x in listing.links]
    (following,) = listing.next_pages
    assert following.method == "POST" and following.adapter == "xxgk"
    assert dict(following.formdata or ())["currpage"] == "2" and query(following.url)["currpage"] == "2"
    state = dict(following.state)
    assert state["page"] == "2" and state["total"] == "3" and state["previous"]


def test_last_page_asks_for_nothing_more(first_request: PageRequest) -> None:
    state = {**dict(first_request.state), "page": "3"}
    html = fixture("search_table_page1.html").replace("当前第1页", "当前第3页")
    listing = parse_listing(html, first_request.url, "xxgk", state)
    assert listing.links and listing.next_pages == [] and listing.ended is None


def test_repeated_page_ends_paging(first_request: PageRequest) -> None:
    """A server that ignores currpage answers page 1 again: same entries, so paging ends, nothing re-read."""
    second = answer("search_table_page1.html", first_request).next_pages[0]
    html = fixture("search_table_page1.html").replace("当前第1页", "当前第2页")  # even with the right number
    listing = parse_listing(html, second.url, "xxgk", dict(second.state))
    assert listing.ended == "repeated_page" and listing.links == [] and listing.next_pages == []


def test_page_that_states_another_number_ends_paging(first_request: PageRequest) -> None:
    second = answer("search_table_page1.html", first_request).next_pages[0]
    html = fixture("search_list_spaced.html").replace("共&nbsp;2&nbsp;页", "共3页 当前第1页")
    listing = parse_listing(html, second.url, "xxgk", dict(second.state))
    assert listing.ended == "page_mismatch" and listing.next_pages == []


def test_page_past_the_count_ends_paging(first_request: PageRequest) -> None:
    state = {**dict(first_request.state), "page": "5"}
    listing = parse_listing(fixture("search_yeci_page2.html"), first_request.url, "xxgk", state)
    assert listing.ended == "past_total" and listing.links == [] and listing.next_pages == []


def test_yeci_pager_and_rows_without_a_date_cell_class(first_request: PageRequest) -> None:
    state = {**dict(first_request.state), "page": "2"}
    listing = parse_listing(fixture("search_yeci_page2.html"), first_request.url, "xxgk", state)
    assert listing.ended is None
    assert [link.date for link in listing.links] == ["2019-03-29", "2018-03-30"]
    assert dict(listing.next_pages[0].state)["page"] == "3" and dict(listing.next_pages[0].state)["total"] == "4"


def test_li_layout_with_spaced_count() -> None:
    """A search.jsp address met without the adapter's state (a start URL): its query is the form."""
    url = SITE + "/module/xxgk/search.jsp?infotypeId=A0116&jdid=1756&area=&divid=div1229263559&currpage=1"
    listing = read("search_list_spaced.html", url)
    assert listing.platform == "xxgk"
    assert [link.title for link in listing.links] == [
        "浙江省生态环境厅2022年政府信息公开工作年度报告",
        "浙江省生态环境厅2021年政府信息公开工作年度报告",
    ]
    assert all(link.evidence == () for link in listing.links)  # area empty: no unit to vouch for
    (following,) = listing.next_pages
    assert following.method == "GET" and query(following.url)["currpage"] == "2"
    assert query(following.url)["infotypeId"] == "A0116"


@pytest.mark.parametrize("currpage", ["", "abc", "0", "-2"])
def test_start_address_with_a_junk_currpage_is_page_one(currpage: str) -> None:
    url = SITE + f"/module/xxgk/search.jsp?infotypeId=A0116&jdid=1756&area=&divid=div1&currpage={currpage}"
    listing = read("search_list_spaced.html", url)
    assert listing.ended is None and query(listing.next_pages[0].url)["currpage"] == "2"


def test_error_page_instead_of_the_list(first_request: PageRequest) -> None:
    listing = answer("search_error.html", first_request)
    assert listing.ended == "error_page" and listing.links == [] and listing.next_pages == []


def test_answer_that_is_no_list(first_request: PageRequest) -> None:
    listing = parse_listing(
        "<html><body><p>请稍候</p></body></html>", first_request.url, "xxgk", dict(first_request.state)
    )
    assert listing.ended == "not_a_list" and listing.next_pages == []


def test_rows_without_a_page_count_are_taken_but_not_paged(first_request: PageRequest) -> None:
    listing = answer("search_no_pager.html", first_request)
    assert listing.ended == "no_page_count"
    assert [link.title for link in listing.links] == ["浙江省人民政府2021年政府信息公开工作年度报告"]
    assert listing.next_pages == []


def test_empty_list_is_no_fault(first_request: PageRequest) -> None:
    listing = answer("search_empty.html", first_request)
    assert listing.ended is None and listing.links == [] and listing.next_pages == []


def test_paging_stops_at_the_limit(first_request: PageRequest) -> None:
    state = {**dict(first_request.state), "page": str(xxgk.MAX_PAGES)}
    html = fixture("search_table_page1.html").replace("共3页", "共9999页").replace("当前第1页", "")
    listing = parse_listing(html, first_request.url, "xxgk", state)
    assert listing.ended == "page_limit" and listing.links and listing.next_pages == []


def test_chained_paging_asks_each_page_once(first_request: PageRequest) -> None:
    """Pages 1..3 each ask for the next, and the last for none: 3 requests for 3 pages, never a loop."""
    pages = [
        fixture("search_table_page1.html"),
        fixture("search_table_page1.html").replace("当前第1页", "当前第2页").replace("59012345", "59012999"),
        fixture("search_yeci_page2.html").replace("页次：2/4", "页次：3/3"),
    ]
    request, asked = first_request, []
    for html in pages:
        asked.append(dict(request.state)["page"])
        listing = parse_listing(html, request.url, "xxgk", dict(request.state))
        assert listing.ended is None
        if not listing.next_pages:
            break
        (request,) = listing.next_pages
    assert asked == ["1", "2", "3"] and listing.next_pages == []


# --------------------------------------------------------------------------- xxgkAnnualReport.jsp

JINING = "http://dlrk.jining.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=113708000043110332&fbtime=2025"
LISHUI = "http://www.lishui.gov.cn/module/xxgk/xxgkAnnualReport.jsp?fbtime=2017&area=113325000026455663"


def pairs(listing: Listing) -> list[tuple[str, str]]:
    return [(query(p.url)["fbtime"], query(p.url)["area"]) for p in listing.next_pages]


def test_view_is_the_report_with_its_issuers_credit_code() -> None:
    listing = read("annual_jining_links.html", JINING)
    assert listing.platform == "xxgk" and listing.annual_column and listing.ended is None
    assert listing.links == []
    assert listing.page_report == ListingLink(
        url=JINING,
        title="济宁市人民政府2025年政府信息公开工作年度报告",
        date="2026-01-30",
        evidence=(("credit_code", "113708000043110332"), ("publisher", "济宁市人民政府")),
    )


def test_view_asks_for_every_other_year_and_unit_once_in_its_own_parameter_order() -> None:
    listing = read("annual_jining_links.html", JINING)
    assert sorted(pairs(listing)) == sorted(
        (year, area)
        for year in ("2025", "2024", "2023")
        for area in ("113708000043110332", "11370800004311023W")
        if (year, area) != ("2025", "113708000043110332")
    )
    assert listing.next_pages[0].url.startswith(
        "http://dlrk.jining.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area="
    )  # area before fbtime, as the site writes it
    assert all(p.adapter == "xxgk" and p.method == "GET" for p in listing.next_pages)
    state = dict(listing.next_pages[0].state)
    assert state == {"years": "2023,2024,2025", "areas": "11370800004311023W,113708000043110332"}


def test_a_view_asked_for_by_another_asks_only_for_pairs_it_adds() -> None:
    first = read("annual_jining_links.html", JINING)
    child = next(p for p in first.next_pages if query(p.url) == {"area": "11370800004311023W", "fbtime": "2024"})
    html = fixture("annual_jining_links.html")
    assert parse_listing(html, child.url, "xxgk", dict(child.state)).next_pages == []
    # A unit that only this year's select shows: only its pairs are new.
    more = html.replace("</select>", '<option value="11370800MB1234567X">济宁市数据局</option>\n</select>')
    added = parse_listing(more, child.url, "xxgk", dict(child.state))
    assert sorted(pairs(added)) == [(y, "11370800MB1234567X") for y in ("2023", "2024", "2025")]


def test_no_report_for_the_year_is_no_record_but_the_other_pages_are_asked_for() -> None:
    listing = read("annual_lishui_select_nodata.html", LISHUI)
    assert listing.ended == "no_report_for_year" and listing.page_report is None
    # Years from the year <select> (its 「请选择」 option skipped), units from the unit <select>.
    assert sorted(pairs(listing)) == sorted(
        (y, a)
        for y in ("2019", "2018", "2017")
        for a in ("113325000026455663", "11332500002645588W", "113325000026455903")
        if (y, a) != ("2017", "113325000026455663")
    )


def test_script_array_of_years_unit_links_and_an_empty_body() -> None:
    url = "https://www.hzsc.gov.cn/module/xxgk/xxgkAnnualReport.jsp?fbtime=2021&area=11330102002501234A"
    listing = read("annual_js_years_empty.html", url)
    assert listing.ended == "no_report_for_year" and listing.page_report is None
    assert sorted(pairs(listing)) == sorted(
        (y, a)
        for y in ("2022", "2021", "2020")
        for a in ("11330102002501234A", "11330102002501330B")
        if (y, a) != ("2021", "11330102002501234A")
    )


def test_unit_named_by_its_link_gives_the_publisher() -> None:
    url = "https://www.hzsc.gov.cn/module/xxgk/xxgkAnnualReport.jsp?fbtime=2022&area=11330102002501330B"
    html = fixture("annual_js_years_empty.html").replace(
        "<p>&nbsp;</p>", "<p>" + "本报告中所列数据的统计期限" * 5 + "</p>"
    )
    listing = parse_listing(html, url, "xxgk", {})
    assert listing.page_report is not None
    assert dict(listing.page_report.evidence) == {"credit_code": "11330102002501330B", "publisher": "上城区发改局"}
    # No report title on the page: the platform's own words (unit and year) make the title.
    assert listing.page_report.title == "上城区发改局2022年政府信息公开工作年度报告"


def test_body_that_only_links_the_report_file_is_a_report() -> None:
    url = "http://www.liandu.gov.cn/module/xxgk/xxgkAnnualReport.jsp?fbtime=2021&area=11331102002601571L"
    listing = read("annual_attachment_only.html", url)
    assert listing.ended is None and listing.page_report is not None
    assert listing.page_report.title == "丽水市莲都区发展和改革局2021年政府信息公开工作年度报告"
    assert listing.page_report.evidence == (("credit_code", "11331102002601571L"),)
    assert listing.next_pages == []  # the only tab is this page


def test_not_found_without_a_content_box() -> None:
    url = "http://www.jinhua.gov.cn/module/xxgk/xxgkAnnualReport.jsp?fbtime=2024&area=113307000025600412"
    listing = read("annual_notfound.html", url)
    assert listing.ended == "no_report_for_year" and listing.page_report is None
    assert pairs(listing) == [("2023", "113307000025600412")]


def test_exception_page_is_an_error_not_a_report() -> None:
    url = "http://www.jinhua.gov.cn/module/xxgk/xxgkAnnualReport.jsp?fbtime=2024&area=113307000025600412"
    listing = read("annual_error.html", url)
    assert listing.ended == "error_page" and listing.page_report is None and listing.next_pages == []


def test_too_many_pairs_are_bounded() -> None:
    units = "".join(f'<option value="1133000000{n:08d}">单位{n}</option>' for n in range(60))
    years = "".join(f'<option value="{y}">{y}</option>' for y in range(2008, 2026))
    choosers = f'<select name="y">{years}</select><select name="a">{units}</select>'
    html = f'<html><body>{choosers}<div id="zoom"></div></body></html>'
    url = "http://x.gov.cn/module/xxgk/xxgkAnnualReport.jsp?fbtime=2025&area=113300000000000000"
    listing = parse_listing(html, url, "xxgk", {})
    assert listing.ended == "no_report_for_year"  # the page's own verdict first; the bound still holds
    assert len(listing.next_pages) == xxgk.MAX_PAIRS
    html = html.replace('<div id="zoom"></div>', '<div id="zoom"><p>' + "主动公开" * 30 + "</p></div>")
    bounded = parse_listing(html, url, "xxgk", {})
    assert bounded.ended == "pair_limit" and len(bounded.next_pages) == xxgk.MAX_PAIRS
    assert len({p.url for p in bounded.next_pages}) == xxgk.MAX_PAIRS


def test_view_parameters_in_a_new_url_keep_other_parameters() -> None:
    url = "http://x.gov.cn/module/xxgk/xxgkAnnualReport.jsp?webid=12&area=A1B2C3D4E5&fbtime=2024#top"
    assert xxgk._annual_url(url, "2023", "Z9Y8X7W6V5") == (
        "http://x.gov.cn/module/xxgk/xxgkAnnualReport.jsp?webid=12&area=Z9Y8X7W6V5&fbtime=2023"
    )


def test_junk_attribute_names_do_not_break_a_page() -> None:
    """lxml keeps an attribute named `"` that `.attrib` cannot give back: attributes are read one by one."""
    url = "http://x.gov.cn/module/xxgk/xxgkAnnualReport.jsp?fbtime=2024&area=113300000000000000"
    html = (
        '<html><body><select name="a"><option value="11330000MB0000001X" {" selected" if u else ""}>局</option>'
        '<option value="113300000000000000">政府</option></select>'
        '<a href="/module/xxgk/xxgkAnnualReport.jsp?fbtime=2023&amp;area=113300000000000000" "x"=1>2023年度</a>'
        '<div id="zoom"><p>暂无数据</p></div></body></html>'
    )
    listing = parse_listing(html, url, "xxgk", {})
    assert listing.ended == "no_report_for_year"
    assert sorted(pairs(listing)) == [
        ("2023", "113300000000000000"),
        ("2023", "11330000MB0000001X"),
        ("2024", "11330000MB0000001X"),
    ]
    column = '<a href="/art/2024/1/1/art_1_1.html" "y"=2 title="某县2023年政府信息公开工作年度报告">x</a>'
    assert [link.title for link in parse_listing(column, "http://x.gov.cn/col/col1/index.html").links] == [
        "某县2023年政府信息公开工作年度报告"
    ]
