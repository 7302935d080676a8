"""End to end: the demo's Hanweb 信息公开 module site (丽水市莲都区, site style hanweb_xxgk) crawled over HTTP.

From its 年报 column (a page whose list exists only as a POST form to search.jsp, plus a link to the
xxgkAnnualReport.jsp view), from its home page (政务公开 → 政府信息公开 → 政府信息公开年报), and from the
annual-report view itself. Each must give every report once with its issuer's credit code, no trap, the
「暂无数据」 (year, unit) counted and never a record, and no page fetched twice.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import pytest_twisted
from scrapy.utils.defer import deferred_from_coro

from gov_reports.crawl.progress import SOURCE_STATS
from gov_reports.demo.server import DemoPortal
from tests.support.crawling import crawl, read_records

SITE = "xxgk"
COLUMN = "/col/col1229288480/index.html"
ENDED = "gov_reports/listing_ended/xxgk/"


def site_reports(expected: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["key"]: r for r in expected["reports"] if r["site"] == SITE}


def site_traps(expected: dict[str, Any]) -> list[dict[str, Any]]:
    return [t for t in expected["traps"] if t["site"] == SITE]


GOV_2023 = "丽水市莲都区人民政府|2023"  # the view the column page links: the government's most recent year


def check_records(
    portal: DemoPortal, expected: dict[str, Any], records: dict[str, dict[str, Any]], keys: set[str]
) -> None:
    """The records are exactly `keys`, each as the ground truth says, and no trap is among their copies."""
    want = site_reports(expected)
    assert set(records) == keys
    for key in keys:
        got, truth = records[key], want[key]
        assert (got["issuer"], got["year"], got["format"]) == (truth["issuer"], truth["year"], truth["format"]), key
        assert (got["published"], got["published_source"]) == (truth["published"], truth["published_source"]), key
        assert got["url"] == portal.url(SITE, truth["best_path"]), key
        assert got["urls"] == sorted(portal.url(SITE, p) for p in truth["paths"]), key
        # The platform's word on the issuer: the area code of the catalogue or of the unit's view, and its name.
        assert got["issuer_evidence"] == truth["issuer_evidence"], key
        column = truth.get("table3_total_column")
        if column:
            rows = got["stats"]["applications"]
            assert rows["new"]["total"] == column["new"] and rows["total"]["total"] == column["total"], key
    urls = {u for r in records.values() for u in r["urls"]}
    for trap in site_traps(expected):
        assert portal.url(SITE, trap["path"]) not in urls, trap["title"]


def fetched(portal: DemoPortal, before: int) -> Counter[tuple[str, str]]:
    return Counter((method, path) for site, method, path, _ in portal.request_log[before:] if site == SITE)


@pytest_twisted.inlineCallbacks
def test_from_the_column_every_report_once(demo_portal: DemoPortal, demo_expected: dict[str, Any], tmp_path: Path):
    output = tmp_path / "xxgk.jsonl"
    before = len(demo_portal.request_log)
    start = demo_portal.url(SITE, COLUMN)
    stats = yield deferred_from_coro(crawl([start], output))
    check_records(demo_portal, demo_expected, read_records(output), set(site_reports(demo_expected)))

    # The 「暂无数据」 view of 教育局 2021 is counted, and nothing else ended a list early.
    assert {k: v for k, v in stats.items() if k.startswith(ENDED)} == {ENDED + "no_report_for_year": 1}
    # The 图解 is refused on its list title, never fetched; the 通知 on compiling the reports and the 工作要点 look
    # like candidates and are refused by their content.
    assert stats["gov_reports/skipped/trap_link"] == 1
    log = fetched(demo_portal, before)
    for trap in site_traps(demo_expected):
        if trap["kind"] == "interpretation":
            assert ("GET", trap["path"]) not in log, trap["title"]
    refused = {k.rsplit("/", 1)[1]: v for k, v in stats.items() if k.startswith("gov_reports/refused/")}
    assert refused == {"compilation_notice": 1, "plan": 1}
    # search.jsp was posted once per page, currpage 1..3; each (year, unit) view was fetched once.
    posts = [path for (method, path), n in log.items() if method == "POST" for _ in range(n)]
    assert sorted(p.split("currpage=")[1].split("&")[0] for p in posts) == ["1", "2", "3"]
    views = [(path, n) for (method, path), n in log.items() if "xxgkAnnualReport.jsp" in path]
    assert len(views) == 9 and all(n == 1 for _, n in views)
    assert all(status == 200 for site, _, _, status in demo_portal.request_log[before:] if site == SITE)
    # Per column: the adapter that read it, and its report links (the views count as their own report link).
    assert "xxgk" in stats[f"{SOURCE_STATS}adapter/{start}"].split(",")
    assert stats[f"{SOURCE_STATS}report_links/{start}"] == 4 + 8
    assert stats[f"{SOURCE_STATS}reports/{start}"] == 12


@pytest_twisted.inlineCallbacks
def test_from_the_home_page(demo_portal: DemoPortal, demo_expected: dict[str, Any], tmp_path: Path):
    output = tmp_path / "home.jsonl"
    stats = yield deferred_from_coro(crawl([demo_portal.url(SITE, "/index.html")], output))
    check_records(demo_portal, demo_expected, read_records(output), set(site_reports(demo_expected)))
    assert stats["gov_reports/discovery/column_links"] >= 1
    assert stats[ENDED + "no_report_for_year"] == 1
    assert stats["gov_reports/skipped/trap_link"] == 1


@pytest_twisted.inlineCallbacks
def test_from_the_annual_report_view(demo_portal: DemoPortal, demo_expected: dict[str, Any], tmp_path: Path):
    """The view alone (found by its address, without the adapter's state) reaches every year and unit."""
    output = tmp_path / "view.jsonl"
    entry = site_reports(demo_expected)[GOV_2023]["best_path"]
    stats = yield deferred_from_coro(crawl([demo_portal.url(SITE, entry)], output))
    views = {k for k, r in site_reports(demo_expected).items() if r.get("listing_page")}
    assert len(views) == 8
    check_records(demo_portal, demo_expected, read_records(output), views)
    assert stats[ENDED + "no_report_for_year"] == 1
    assert stats["gov_reports/listing_pages"] == 9


@pytest_twisted.inlineCallbacks
def test_years_option_keeps_views_out_of_range(demo_portal: DemoPortal, demo_expected: dict[str, Any], tmp_path: Path):
    """--years applies to the views as to report links: a view of another year is read (for its tabs) but
    not handed on as a report."""
    output = tmp_path / "years.jsonl"
    stats = yield deferred_from_coro(
        crawl([demo_portal.url(SITE, COLUMN)], output, overrides=["GOV_REPORTS_YEARS=2022-2023"])
    )
    want = {k for k, r in site_reports(demo_expected).items() if 2022 <= r["year"] <= 2023}
    assert set(read_records(output)) == want
    # The 2017-2020 list entries, the 2020 通知 and the 2021 工作要点 (candidates too), two 2021 views.
    assert stats["gov_reports/skipped/year_out_of_range"] == 4 + 2 + 2


@pytest.mark.parametrize("kind", ["notice", "interpretation", "plan", "no_report"])
def test_the_demo_has_each_trap(demo_expected: dict[str, Any], kind: str) -> None:
    assert [t for t in site_traps(demo_expected) if t["kind"] == kind]


# --------------------------------------------------------------------------- the demo endpoint


def http(
    portal: DemoPortal, path: str, form: dict[str, str] | None = None, method: str | None = None
) -> tuple[int, str]:
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    request = urllib.request.Request(portal.url(SITE, path), data=data, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


LIST_FORM = {"infotypeId": "A0116", "jdid": "3188", "divid": "div1229288480"}


def list_form(demo_expected: dict[str, Any], **more: str) -> dict[str, str]:
    area = site_reports(demo_expected)[GOV_2023]["issuer_evidence"]["credit_code"]
    return {**LIST_FORM, "area": area, **more}


def test_search_jsp_reads_the_query_before_the_body(demo_portal: DemoPortal, demo_expected: dict[str, Any]) -> None:
    status, body = http(demo_portal, "/module/xxgk/search.jsp?currpage=2", list_form(demo_expected, currpage="1"))
    assert status == 200 and "共7条记录&nbsp;&nbsp;共3页&nbsp;&nbsp;当前第2页" in body
    assert body.count('class="tr_main_value_') == 3
    # Page 2 of the list, newest first; the link text is cut short, the title attribute is whole.
    shown = dict(re.findall(r'title="([^"]+)">([^<]+)</a>', body))
    assert list(shown) == [
        "图解：丽水市莲都区人民政府2019年政府信息公开工作年度报告",
        "丽水市莲都区人民政府2019年政府信息公开工作年度报告",
        "丽水市莲都区人民政府2018年政府信息公开工作年度报告",
    ]
    assert all(text.endswith("…") and title.startswith(text[:-1]) for title, text in shown.items())


def test_search_jsp_get_past_the_end_and_unknown_lists(demo_portal: DemoPortal, demo_expected: dict[str, Any]) -> None:
    query = urllib.parse.urlencode(list_form(demo_expected, currpage="9"))
    status, body = http(demo_portal, f"/module/xxgk/search.jsp?{query}")
    assert status == 200 and "当前第3页" in body and body.count('class="tr_main_value_') == 1  # the last page
    status, body = http(demo_portal, "/module/xxgk/search.jsp", list_form(demo_expected, infotypeId="B0001"))
    assert status == 200 and "共0条记录&nbsp;&nbsp;共0页" in body


def test_annual_view_whatever_the_parameter_order(demo_portal: DemoPortal, demo_expected: dict[str, Any]) -> None:
    path = site_reports(demo_expected)[GOV_2023]["best_path"]
    status, page = http(demo_portal, path)
    assert status == 200 and "丽水市莲都区人民政府2023年政府信息公开工作年度报告" in page
    year, area = path.split("?", 1)[1].split("&")
    assert http(demo_portal, f"/module/xxgk/xxgkAnnualReport.jsp?{area}&{year}") == (200, page)
    assert http(demo_portal, path, method="HEAD")[0] == 200
    assert http(demo_portal, "/module/xxgk/xxgkAnnualReport.jsp?fbtime=2019&" + area)[0] == 404
    assert http(demo_portal, "/module/xxgk/xxgkAnnualReport.jsp?fbtime=2023&area=../../etc")[0] == 404
    # The stored pages are never served under their own names.
    assert http(demo_portal, "/module/xxgk/xxgkAnnualReport.jsp@" + path.split("?", 1)[1])[0] in (403, 404)
    assert http(demo_portal, "/_xxgk/lists.json")[0] in (403, 404)
