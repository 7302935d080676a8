"""The ASP.NET WebForms adapter (gov_reports.crawl.portals.aspnet) on GridView lists paged by postback.

Fixtures copy the shapes of 四川 county 信息公开 platforms: ``<form id="form1">`` with ``__VIEWSTATE``,
``__VIEWSTATEGENERATOR`` and ``__EVENTVALIDATION`` after a site-search form, a GridView pager of
``__doPostBack('ctl00$…$GridView1','Page$N')`` links (quotes written ``&#39;``), a 下一页 LinkButton that
stays active on the last page, titles cut to 18 characters and 「...」. Also: the spider's request built with
Scrapy's ``FormRequest.from_response`` from such a page, and truncated titles decided by the page.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

import pytest
from scrapy.http import HtmlResponse, Request

from gov_reports.crawl.portals import parse_listing
from gov_reports.crawl.portals.aspnet import MAX_PAGES
from gov_reports.crawl.portals.base import PageRequest
from gov_reports.crawl.spiders.annual_reports import ADAPTER_META, ADAPTER_STATE_META, AnnualReportsSpider
from gov_reports.extract.page import NotAReport, Page, PageSource, extract
from gov_reports.extract.recognition import link_verdict
from gov_reports.extract.titles import is_report_title
from tests.support.paths import DEMO_ROOT, PORTAL_FIXTURES

FIXTURES = PORTAL_FIXTURES / "aspnet"
DEMO = DEMO_ROOT / "aspnet"
LIST = "http://gk.ziyang.gov.cn/year.aspx?dept=38"
GRID = "ctl00$ContentPlaceHolder1$GridView1"
NEXT = "ctl00$ContentPlaceHolder1$lbtnNext"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def only_postback(listing_pages: list[PageRequest]) -> PageRequest:
    [page] = [p for p in listing_pages if p.adapter == "aspnet"]
    return page


def test_the_first_page_asks_for_page_two_by_postback_of_the_webforms_form() -> None:
    listing = parse_listing(fixture("gridview_page1.html"), LIST)
    assert listing.platform == "aspnet" and listing.ended is None
    page = only_postback(listing.next_pages)
    assert page.method == "POST" and page.from_response
    assert page.formxpath == "//form[@id='form1']"  # not the site-search form above it
    assert page.formdata == (("__EVENTTARGET", GRID), ("__EVENTARGUMENT", "Page$2"))
    assert dict(page.state)["page"] == "2" and dict(page.state)["last"] == "1"


def test_list_titles_are_the_cut_texts_and_javascript_links_are_no_links() -> None:
    listing = parse_listing(fixture("gridview_page1.html"), LIST)
    reports = [link for link in listing.links if "year_details" in link.url]
    assert [link.title for link in reports] == [
        "资阳市雁江区2022年政府信息公开工...",
        "关于做好2022年度政府信息公开工作...",
        "政府信息公开工作年度报告制度",
    ]
    assert reports[0].url == "http://gk.ziyang.gov.cn/year_details.aspx?dept=38&id=91674"
    assert reports[0].date == "2023-01-16"
    assert not any("javascript" in link.url for link in listing.links)


def test_the_last_page_follows_its_next_button_and_its_answer_is_a_repeat() -> None:
    last = parse_listing(fixture("gridview_page3.html"), LIST, "aspnet", {"page": "3", "last": "2", "previous": "x"})
    assert last.ended is None
    page = only_postback(last.next_pages)  # no Page$4: the 下一页 LinkButton, which the server leaves active
    assert page.formdata == (("__EVENTTARGET", NEXT), ("__EVENTARGUMENT", ""))
    assert dict(page.state)["page"] == "4" and dict(page.state)["last"] == "3"
    # The server answers the last page again: by the number it shows and by its links, a repeat.
    again = parse_listing(fixture("gridview_page3.html"), LIST, "aspnet", dict(page.state))
    assert again.ended == "repeated_page" and not again.next_pages and not again.links


def test_same_links_without_a_page_number_are_a_repeat() -> None:
    first = parse_listing(fixture("pager_next_only.html"), LIST)
    page = only_postback(first.next_pages)
    assert page.formdata == (("__EVENTTARGET", NEXT), ("__EVENTARGUMENT", ""))
    again = parse_listing(fixture("pager_next_only.html"), LIST, "aspnet", dict(page.state))
    assert again.ended == "repeated_page" and not again.next_pages


def test_a_next_link_back_to_the_page_itself_is_no_new_page() -> None:
    listing = parse_listing(fixture("next_to_itself.html"), LIST, "aspnet", {"page": "3", "last": "2", "previous": "x"})
    assert listing.ended == "no_new_page" and not listing.next_pages


def test_postback_paging_without_the_form_cannot_be_posted() -> None:
    listing = parse_listing(fixture("no_form.html"), LIST)
    assert listing.platform == "aspnet" and listing.ended == "no_form"
    assert not [p for p in listing.next_pages if p.adapter == "aspnet"]


def test_page_next_arguments_are_followed() -> None:
    listing = parse_listing(fixture("pager_next_argument.html"), LIST)
    page = only_postback(listing.next_pages)
    assert page.formdata == (("__EVENTTARGET", GRID), ("__EVENTARGUMENT", "Page$Next"))
    assert dict(page.state)["page"] == "2"


def test_the_page_budget_ends_the_paging() -> None:
    state = {"page": str(MAX_PAGES), "last": str(MAX_PAGES - 1), "previous": "x"}
    listing = parse_listing(fixture("gridview_page3.html"), LIST, "aspnet", state)
    # The page shows 3, not the page asked for: 3 is not beyond page 499, a repeat.
    assert listing.ended == "repeated_page"
    listing = parse_listing(fixture("pager_next_only.html"), LIST, "aspnet", state)
    assert listing.ended == "page_budget" and not listing.next_pages


def test_a_page_without_postback_paging_is_a_plain_list() -> None:
    page = "<html><body><a href='/a.html'>资阳市雁江区2021年政府信息公开工作年度报告</a></body></html>"
    listing = parse_listing(page, LIST)
    assert listing.platform == "generic"


# --------------------------------------------------------------------------- the spider's request


def test_the_spider_builds_the_postback_with_scrapys_from_response() -> None:
    body = fixture("gridview_page1.html").encode("utf-8")
    response = HtmlResponse(LIST, body=body, encoding="utf-8", request=Request(LIST))
    page = only_postback(parse_listing(response.text, response.url).next_pages)
    spider = AnnualReportsSpider(start_urls=LIST)
    request = spider._listing_request(page, response, LIST)  # pytest turns a deprecation warning into an error
    assert request.method == "POST" and request.url == "http://gk.ziyang.gov.cn/year.aspx?dept=38"
    form = dict(parse_qsl(request.body.decode()))
    assert form["__EVENTTARGET"] == GRID and form["__EVENTARGUMENT"] == "Page$2"
    assert form["__VIEWSTATE"].startswith("/wEPDwUKLTM4NjQ3MzYwOQ") and form["__EVENTVALIDATION"].startswith("/wEdAA")
    assert form["__VIEWSTATEGENERATOR"] == "CA0B0334"
    assert "keyword" not in form  # the search form's field: the right form was posted
    assert request.meta[ADAPTER_META] == "aspnet" and dict(request.meta[ADAPTER_STATE_META])["page"] == "2"


def test_the_postback_is_encoded_as_the_page_is() -> None:
    gbk = fixture("gridview_page1.html").replace("charset=utf-8", "charset=gb2312")
    field = '<input type="hidden" name="ctl00$hidColumn" value="政府信息公开年报" />'
    gbk = gbk.replace("</form>\n</body>", field + "\n</form>\n</body>")
    response = HtmlResponse(LIST, body=gbk.encode("gb2312"), request=Request(LIST))
    page = only_postback(parse_listing(response.text, response.url).next_pages)
    request = AnnualReportsSpider(start_urls=LIST)._listing_request(page, response, LIST)
    assert "ctl00%24hidColumn=%D5%FE%B8%AE%D0%C5%CF%A2%B9%AB%BF%AA%C4%EA%B1%A8" in request.body.decode()


# --------------------------------------------------------------------------- truncated titles


@pytest.mark.parametrize(
    ("title", "verdict"),
    [
        ("资阳市雁江区2022年政府信息公开工...", "candidate"),
        ("XX县2021年政府信息公开工…", "candidate"),
        ("…年度报告…", "candidate"),
        ("关于做好2022年度政府信息公开工作...", "candidate"),  # the page decides: a notice
        ("资阳市雁江区2022年政务公开工作要...", "candidate"),  # the page decides: a plan
        ("资阳市雁江区2021年上半年政府信息...", "trap"),  # a look-alike even cut short
        ("资阳市雁江区关于2021年度报告的解读...", "trap"),
        ("政府信息公开工作年度报告制度", "trap"),
        ("雁江区召开常务会议...", None),  # neither a year nor a report word
    ],
)
def test_cut_list_titles_are_candidates_unless_they_name_a_look_alike(title: str, verdict: str | None) -> None:
    assert not is_report_title(title)
    assert link_verdict(title, "http://www.yanjiang.gov.cn/gk/year_details.aspx?dept=38&id=1", False) == verdict


def test_the_report_page_decides_a_cut_title() -> None:
    url = "http://www.yanjiang.gov.cn/gk/year_details.aspx?dept=38&id=91674"
    page = (DEMO / "gk" / "year_details.aspx@dept=38&id=91674").read_text(encoding="utf-8")
    record = extract(Page(page, source=PageSource(url=url, listing_title="资阳市雁江区2022年政府信息公开工...")))
    assert record.title == "资阳市雁江区2022年政府信息公开工作年度报告" and record.year == 2022
    # Behind the very text the 2021 report is listed by: its interpretation, refused by its own title.
    for article, listed, reason in (
        ("83287", "资阳市雁江区2021年政府信息公开工...", "interpretation"),
        ("86102", "资阳市雁江区2022年政务公开工作要...", "plan"),
        ("90877", "关于做好2022年度政府信息公开工作...", "compilation_notice"),
    ):
        page = (DEMO / "gk" / f"year_details.aspx@dept=38&id={article}").read_text(encoding="utf-8")
        with pytest.raises(NotAReport) as refused:
            extract(Page(page, source=PageSource(url=url, listing_title=listed)))
        assert refused.value.reason == reason, article
