"""A JPaaS unitbuild site (demo site `jpaas`, 湖州市南浔区人民政府): lists behind the unit endpoint.

政府信息公开年报 lists the district's and a town's reports over three endpoint pages and states its total;
its sub-column 部门年报 lists three departments' reports over two pages and then repeats its last page; 乡镇年报
answers an HTML error page with status 200. Crawled from the column URL and from the home page (首页 → 政务公开 →
政府信息公开年报), every report is found once with its PubDate, the look-alikes are not (refused by their
list titles or, fetched, by their pages), and the repeated page and the error page each end their paging with
a counted reason.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pytest
import pytest_twisted
from scrapy.utils.defer import deferred_from_coro

from gov_reports.crawl.progress import format_sources
from gov_reports.demo.server import DemoPortal
from tests.support.crawling import crawl, read_records

COLUMN = "/col/col1229560123/index.html"
UNIT_PATH = "/api-gateway/jpaas-publish-server/front/page/build/unit"


def jpaas_reports(expected: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["key"]: r for r in expected["reports"] if r["site"] == "jpaas"}


def unit_pages(portal: DemoPortal, since: int) -> dict[str, list[int]]:
    """The endpoint pages the crawl asked for, per unit (pageId), in order."""
    asked: dict[str, list[int]] = {}
    for site, _method, path, _status in portal.request_log[since:]:
        split = urllib.parse.urlsplit(path)
        if site == "jpaas" and split.path == UNIT_PATH:
            query = dict(urllib.parse.parse_qsl(split.query))
            asked.setdefault(query["pageId"], []).append(json.loads(query["paramJson"])["pageNo"])
    return asked


@pytest.mark.parametrize("start", [COLUMN, "/"], ids=["column", "home_page"])
@pytest_twisted.inlineCallbacks
def test_every_report_behind_the_unit_endpoint_once(
    start: str, demo_portal: DemoPortal, demo_expected: dict[str, Any], tmp_path: Path
):
    output = tmp_path / "jpaas.jsonl"
    since = len(demo_portal.request_log)
    stats = yield deferred_from_coro(crawl([demo_portal.url("jpaas", start)], output))
    records = read_records(output)
    want = jpaas_reports(demo_expected)
    assert len(want) == 8
    assert set(records) == set(want)
    for key, record in records.items():
        assert record["published"] == want[key]["published"], key
        assert want[key]["published_source"] == "meta"
        assert record["format"] == want[key]["format"], key
        assert record["url"] == demo_portal.url("jpaas", want[key]["best_path"]), key
    urls = {u for r in records.values() for u in r["urls"]}
    traps = [t for t in demo_expected["traps"] if t["site"] == "jpaas"]
    assert len(traps) == 6
    assert not {demo_portal.url("jpaas", t["path"]) for t in traps} & urls
    # 年报: three pages up to its total; 部门年报: two pages and the repeat of the second; 乡镇年报: the error
    # page. The navigation unit of every page's header is never asked for.
    assert {unit: sorted(pages) for unit, pages in unit_pages(demo_portal, since).items()} == {
        "1229560123": [1, 2, 3],
        "1229560124": [1, 2, 3],
        "1229560125": [1],
    }
    ended = {k.rsplit("/", 1)[-1]: v for k, v in stats.items() if k.startswith("gov_reports/listing_ended/")}
    assert ended == {"repeated_page": 1, "api_not_json": 1}
    assert stats["gov_reports/listing_ended/jpaas/repeated_page"] == 1
    # The website yearly report and the interpretation are refused by their list titles; the compile notice,
    # the work plan, the work summary and the budget are fetched as candidates and refused by their pages.
    assert stats["gov_reports/skipped/trap_link"] == 2
    refused = {k.rsplit("/", 1)[-1]: v for k, v in stats.items() if k.startswith("gov_reports/refused/")}
    assert refused == {"compilation_notice": 1, "plan": 1, "work_summary": 1, "budget": 1}
    assert stats["gov_reports/subcolumns/followed"] == 2  # 部门年报, 乡镇年报
    lines = "\n".join(format_sources(stats))
    assert "adapter jpaas" in lines and "8 reports" in lines
    if start == "/":
        assert f"column found: {demo_portal.url('jpaas', COLUMN)}" in lines


def _get(url: str) -> tuple[int, str, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers["Content-Type"], response.read()


def test_the_demo_endpoint_checks_the_units_parameters(demo_portal: DemoPortal) -> None:
    base = demo_portal.url("jpaas", UNIT_PATH)
    unit = {
        "parseType": "bulidstatic",
        "webId": "3630",
        "pageId": "1229560123",
        "tplSetId": "5HrZiFGOR8vHklhTYqM4B",
        "pageType": "column",
        "tagId": "信息列表",
        "editType": "null",
    }
    status, kind, body = _get(base + "?" + urllib.parse.urlencode({**unit, "paramJson": '{"pageNo":2,"pageSize":3}'}))
    answer = json.loads(body)
    assert status == 200 and kind.startswith("application/json")
    assert answer["success"] is True and answer["data"]["total"] == 8
    assert answer["data"]["html"].count("<li>") == 3
    # Without the queryData parameters, or without a paramJson: success false and no html.
    for broken in ({**unit, "tplSetId": "x", "paramJson": '{"pageNo":1}'}, unit):
        answer = json.loads(_get(base + "?" + urllib.parse.urlencode(broken))[2])
        assert answer["success"] is False and "html" not in answer["data"]
    # The broken unit: an HTML page with status 200.
    status, kind, body = _get(base + "?" + urllib.parse.urlencode({**unit, "pageId": "1229560125", "paramJson": "{}"}))
    assert status == 200 and kind.startswith("text/html") and "系统繁忙" in body.decode()
