"""End to end: the demo's gkmlpt site (乳源瑶族自治县, gov_reports/demo/builder/gkmlpt.py) crawled over HTTP.

From its directory page (/gkmlpt/index), from the mobile page with its category (/gkmlpt/mindex#2761)
and from its home page (首页 → 政务公开 → 政府信息公开目录): the same reports, each once, `published`
from the list API's display time (in China time), the API's publisher kept as evidence, no trap, the
trap category never asked for, and the API's faults (an HTML page instead of JSON, a second page
stating another total) counted, not followed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import pytest_twisted
from scrapy.utils.defer import deferred_from_coro

from gov_reports.demo.server import DemoPortal
from tests.support.crawling import crawl, read_records

SITE = "gkmlpt"
ENDED = "gov_reports/listing_ended/gkmlpt/"
START_PATHS = {"directory": "/gkmlpt/index", "mobile": "/gkmlpt/mindex#2761", "home": "/index.html"}


@pytest.fixture(scope="module")
def crawls(demo_portal: DemoPortal, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Each start crawled once, with the requests it made to the site."""
    out: dict[str, Any] = {}
    for name, path in START_PATHS.items():
        output = tmp_path_factory.mktemp(name) / "reports.jsonl"
        before = len(demo_portal.request_log)
        stats = pytest_twisted.blockon(deferred_from_coro(crawl([demo_portal.url(SITE, path)], output)))
        requests = [(method, p, status) for site, method, p, status in demo_portal.request_log[before:] if site == SITE]
        out[name] = {"records": read_records(output), "stats": stats, "requests": requests}
    return out


def gkmlpt_reports(expected: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["key"]: r for r in expected["reports"] if r["site"] == SITE}


def api_requests(requests: list[tuple[str, str, int]]) -> list[str]:
    return [path for _method, path, _status in requests if path.startswith("/gkmlpt/api/")]


@pytest.mark.parametrize("start", list(START_PATHS))
def test_every_report_once_with_the_platforms_publish_date(
    crawls: dict[str, Any], demo_portal: DemoPortal, demo_expected: dict[str, Any], start: str
) -> None:
    records = crawls[start]["records"]
    expected = gkmlpt_reports(demo_expected)
    assert len(expected) == 7
    assert set(records) == set(expected)  # read_records fails on a key written twice
    for key, want in expected.items():
        got = records[key]
        assert (got["issuer"], got["year"], got["format"]) == (want["issuer"], want["year"], want["format"]), key
        assert got["url"] == demo_portal.url(SITE, want["best_path"]), key
        assert (got["published"], got["published_source"]) == (want["published"], "platform"), key


def test_published_comes_from_the_api_not_from_the_page(
    crawls: dict[str, Any], demo_portal: DemoPortal, demo_expected: dict[str, Any]
) -> None:
    records = crawls["directory"]["records"]
    for key, want in gkmlpt_reports(demo_expected).items():
        page = (Path(demo_portal.root) / SITE / want["best_path"].lstrip("/")).read_text(encoding="utf-8")
        assert want["published"] not in page, key  # the page prints other dates: 成文日期, its 发布日期
        assert records[key]["published"] == want["published"]
    county = records["乳源瑶族自治县人民政府|2021"]
    # display_publish_time 2022-01-20 07:30 in China is 2022-01-19 in UTC; create_time is 2022-01-17.
    assert county["published"] == "2022-01-20"
    town = records["乳源瑶族自治县乳城镇人民政府|2021"]
    assert town["published"] == "2022-01-27"  # display time 0: first_publish_time, a text


def test_the_apis_publisher_is_kept_as_issuer_evidence(crawls: dict[str, Any]) -> None:
    records = crawls["directory"]["records"]
    assert records["乳源瑶族自治县人民政府|2021"]["issuer_evidence"] == {"publisher": "乳源瑶族自治县人民政府办公室"}
    assert records["乳源瑶族自治县财政局|2021"]["issuer_evidence"] == {"publisher": "乳源瑶族自治县财政局"}
    assert records["乳源瑶族自治县教育局|2020"]["issuer_evidence"] == {"publisher": "乳源瑶族自治县教育局"}
    assert records["乳源瑶族自治县人民政府|2021"]["level"] == "county"
    assert records["乳源瑶族自治县财政局|2021"]["level"] == "department"
    assert records["乳源瑶族自治县乳城镇人民政府|2021"]["level"] == "township"


@pytest.mark.parametrize("start", list(START_PATHS))
def test_no_trap_and_the_trap_category_is_never_listed(
    crawls: dict[str, Any], demo_portal: DemoPortal, demo_expected: dict[str, Any], start: str
) -> None:
    crawl_of = crawls[start]
    urls = {u for record in crawl_of["records"].values() for u in record["urls"]}
    traps = [t for t in demo_expected["traps"] if t["site"] == SITE]
    assert {t["kind"] for t in traps} == {"interpretation", "notice_about_reports", "website_yearly_statistics"}
    requested = {path for _method, path, _status in crawl_of["requests"]}
    for trap in traps:
        assert demo_portal.url(SITE, trap["path"]) not in urls, trap["title"]
        if trap["kind"] == "notice_about_reports":
            # Looks like a report by its title: fetched, and refused by its content (a compiling notice).
            assert trap["path"] in requested, trap["title"]
        else:
            assert trap["path"] not in requested, trap["title"]  # refused on its title: never downloaded
    assert crawl_of["stats"]["gov_reports/skipped/trap_link"] == 1  # the 图解 in 2761
    assert crawl_of["stats"]["gov_reports/refused/compilation_notice"] == 1
    # 政府网站工作年度报表 (2758) is a 年度 category, not the 年报 one: its list is never asked for.
    assert not [p for p in api_requests(crawl_of["requests"]) if "/api/all/2758" in p]


@pytest.mark.parametrize("start", list(START_PATHS))
def test_api_paging_and_its_faults_are_counted(crawls: dict[str, Any], start: str) -> None:
    crawl_of = crawls[start]
    stats = crawl_of["stats"]
    assert sorted(api_requests(crawl_of["requests"])) == [
        "/gkmlpt/api/all/2761?page=1&sid=751025",
        "/gkmlpt/api/all/2761?page=2&sid=751025",  # 8 articles at 5 a page; page 2 says 10: no page 3
        "/gkmlpt/api/all/2762?page=1&sid=751025",
        "/gkmlpt/api/all/2763?page=1&sid=751025",
    ]
    assert stats[ENDED + "api_not_json"] == 1  # 历年年报 (2763): the 「页面不存在」 page, status 200
    assert stats[ENDED + "total_changed"] == 1
    assert not [
        k for k in stats if k.startswith(ENDED) and k.rsplit("/", 1)[1] not in ("api_not_json", "total_changed")
    ]
    directory_pages = [p for _m, p, _s in crawl_of["requests"] if p in ("/gkmlpt/index", "/gkmlpt/mindex")]
    # From the home page both the 政府信息公开目录 and the 政府信息公开年报 links of 政务公开 are directory pages.
    assert len(directory_pages) == (2 if start == "home" else 1)
    assert stats["gov_reports/platform/gkmlpt"] == len(directory_pages) + 4  # and the four API answers
    assert stats["gov_reports/feed/written"] == 7


def test_the_home_page_reaches_the_directory_through_the_hub(crawls: dict[str, Any]) -> None:
    requested = [p for _m, p, _s in crawls["home"]["requests"]]
    assert requested.index("/index.html") < requested.index("/zwgk/index.html") < requested.index("/gkmlpt/index")
    assert crawls["home"]["stats"]["gov_reports/discovery/hub_links"] >= 2  # 政务公开, 政府信息公开目录


@pytest_twisted.inlineCallbacks
def test_a_category_in_the_url_narrows_the_directory_to_it(demo_portal: DemoPortal, tmp_path: Path):
    """/gkmlpt/mindex#2762 points at 乡镇年报, itself a 年报 category: only its list is asked for."""
    output = tmp_path / "towns.jsonl"
    before = len(demo_portal.request_log)
    yield deferred_from_coro(crawl([demo_portal.url(SITE, "/gkmlpt/mindex#2762")], output))
    requested = [p for site, _m, p, _s in demo_portal.request_log[before:] if site == SITE]
    assert api_requests([("GET", p, 200) for p in requested]) == ["/gkmlpt/api/all/2762?page=1&sid=751025"]
    assert set(read_records(output)) == {"乳源瑶族自治县乳城镇人民政府|2021"}
