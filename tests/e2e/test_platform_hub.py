"""A 重庆-style hub (demo site `hub`, 重庆市九龙坡区人民政府): the 年报 column lists sub-columns, not reports.

区政府年报 holds the government's reports one level down; 部门年报 → 区教育委员会 / 区民政局 two levels down;
镇街年报 → 2022年度 → 九龙镇 three levels down. Crawled from the column URL and from the home page
(首页 → 政务公开 → 政府信息公开 → 政府信息公开年报), every report is found once and the compile notice is not.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import pytest_twisted
from scrapy.utils.defer import deferred_from_coro

from gov_reports.crawl.progress import format_sources
from gov_reports.demo.server import DemoPortal
from tests.support.crawling import crawl, read_records

COLUMN = "/zwgk/zfxxgk/zfxxgknb/index.html"


def hub_reports(expected: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["key"]: r for r in expected["reports"] if r["site"] == "hub"}


@pytest.mark.parametrize("start", [COLUMN, "/"], ids=["column", "home_page"])
@pytest_twisted.inlineCallbacks
def test_every_report_below_the_sub_columns_once(
    start: str, demo_portal: DemoPortal, demo_expected: dict[str, Any], tmp_path: Path
):
    output = tmp_path / "hub.jsonl"
    stats = yield deferred_from_coro(crawl([demo_portal.url("hub", start)], output))
    records = read_records(output)
    want = hub_reports(demo_expected)
    assert set(records) == set(want)
    assert len(want) == 6
    for key, record in records.items():
        assert record["published"] == want[key]["published"], key
        assert record["format"] == want[key]["format"], key
        assert record["url"] == demo_portal.url("hub", want[key]["best_path"]), key
    trap = next(t for t in demo_expected["traps"] if t["site"] == "hub")
    assert demo_portal.url("hub", trap["path"]) not in {u for r in records.values() for u in r["urls"]}
    # 区政府年报, 部门年报, 区教育委员会, 区民政局, 镇街年报, 2022年度, 九龙镇.
    assert stats["gov_reports/subcolumns/followed"] == 7
    assert "gov_reports/subcolumns/too_deep" not in stats
    lines = "\n".join(format_sources(stats))
    if start == "/":
        assert stats["gov_reports/discovery/hub_links"] >= 2  # 政务公开, 政府信息公开 (and menu repeats)
        assert f"column found: {demo_portal.url('hub', COLUMN)}" in lines
    assert "6 reports" in lines


@pytest_twisted.inlineCallbacks
def test_sub_columns_deeper_than_the_limit_are_counted_not_followed(
    demo_portal: DemoPortal, demo_expected: dict[str, Any], tmp_path: Path
):
    output = tmp_path / "hub.jsonl"
    stats = yield deferred_from_coro(
        crawl([demo_portal.url("hub", COLUMN)], output, overrides=["GOV_REPORTS_SUBCOLUMN_DEPTH=2"])
    )
    records = read_records(output)
    # 九龙镇 sits three sub-columns down (镇街年报 → 2022年度 → 九龙镇): not reached with a limit of two.
    assert set(records) == set(hub_reports(demo_expected)) - {"重庆市九龙坡区九龙镇人民政府|2022"}
    assert stats["gov_reports/subcolumns/too_deep"] == 1
