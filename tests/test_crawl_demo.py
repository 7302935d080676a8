"""End to end: crawl the bundled demo portal over HTTP and check the dump against its ground truth."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import pytest_twisted
from scrapy.utils.defer import deferred_from_coro

from gov_reports.demo import DemoPortal
from gov_reports.schema import record_validator
from tests.crawling import crawl, read_records


@pytest.fixture(scope="module")
def first_crawl(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Filled by test_demo_crawl; later tests in this module reuse its output."""
    return {"output": tmp_path_factory.mktemp("crawl") / "reports.jsonl"}


def site_url(portal: DemoPortal, site: str, path: str) -> str:
    return portal.url(site, path)


@pytest_twisted.inlineCallbacks
def test_demo_crawl(demo_portal: DemoPortal, demo_expected: dict[str, Any], first_crawl: dict[str, Any]):
    output: Path = first_crawl["output"]
    stats = yield deferred_from_coro(crawl(demo_portal.start_urls, output))
    first_crawl["stats"] = stats
    records = read_records(output)
    first_crawl["bytes"] = output.read_bytes()

    expected = {r["key"]: r for r in demo_expected["reports"]}
    assert set(records) == set(expected)

    urls = {u for r in records.values() for u in r["urls"]}
    for trap in demo_expected["traps"]:
        assert site_url(demo_portal, trap["site"], trap["path"]) not in urls, trap["title"]
    for missing in demo_expected["missing"]:
        assert site_url(demo_portal, missing["site"], missing["path"]) not in urls

    for key, want in expected.items():
        got = records[key]
        assert got["issuer"] == want["issuer"] and got["year"] == want["year"]
        assert got["published"] == want["published"], key
        assert got["format"] == want["format"], key
        assert got["url"] == site_url(demo_portal, want["site"], want["best_path"]), key
        assert got["urls"] == sorted(site_url(demo_portal, want["site"], p) for p in want["paths"]), key
        for spam in want.get("spam", []):
            assert spam not in got["text"], (key, spam)
            assert spam in got["spam"], (key, spam)
        assert not list(record_validator().iter_errors(got)), key


@pytest_twisted.inlineCallbacks
def test_demo_statistics_match_the_pages(demo_expected: dict[str, Any], first_crawl: dict[str, Any]):
    records = read_records(first_crawl["output"])
    yield None
    for want in demo_expected["reports"]:
        column = want.get("table3_total_column")
        if not column:
            continue
        rows = records[want["key"]]["stats"]["applications"]
        got = {name: rows[name]["total"] for name in ("new", "carried_over", "total", "carried_forward")}
        # The ground truth writes a blank cell as 0; the record keeps it null (blank is not zero).
        assert {k: 0 if v is None else v for k, v in got.items()} == {k: column[k] for k in got}, want["key"]
        balance = [c["ok"] for c in records[want["key"]]["checks"] if c["name"] == "applications_balance:total"]
        blank = None in got.values()
        assert balance == [None if blank else column["consistent"]], want["key"]
        flagged = "check_failed:applications_balance:total" in records[want["key"]]["flags"]
        assert flagged is (column["consistent"] is False), want["key"]


@pytest_twisted.inlineCallbacks
def test_demo_tables_two_and_four_as_html_and_as_text(first_crawl: dict[str, Any]):
    """Values as printed on the demo pages: 哈尔滨 2019 has <table>s, 虎林 2020 tab-separated text tables."""
    records = read_records(first_crawl["output"])
    yield None
    harbin = records["哈尔滨市人民政府|2019"]["stats"]
    assert harbin["disclosure"]["rules"] == {"new_made": 3, "new_published": 3, "published_total": 112}
    assert harbin["disclosure"]["other_services"]["change"]["value"] == -6  # 「减 6」
    assert harbin["disclosure"]["licensing"]["decisions"] == 185230
    assert harbin["reviews"] == {
        "reconsideration": {"upheld": 31, "corrected": 6, "other": 9, "pending": 5, "total": 51},
        "litigation_direct": {"upheld": 12, "corrected": 2, "other": 4, "pending": 9, "total": 27},
        "litigation_after_reconsideration": {"upheld": 4, "corrected": 1, "other": 0, "pending": 2, "total": 7},
    }
    hulin = records["虎林市人民政府|2020"]["stats"]
    assert hulin["disclosure"]["normative_documents"] == {"new_made": 9, "new_published": 9, "published_total": 45}
    assert hulin["disclosure"]["licensing"]["change"]["value"] == 71  # 「增 71」
    assert hulin["disclosure"]["licensing"]["decisions"] == 4567
    assert hulin["disclosure"]["procurement"]["amount"]["value"] == 3929.08
    assert hulin["disclosure"]["procurement"]["amount"]["unit"] == "万元"
    assert hulin["applications"]["new"]["total"] == 0
    assert all(v == 0 for row in hulin["reviews"].values() for v in row.values())


@pytest_twisted.inlineCallbacks
def test_demo_crawl_summary_counts(demo_expected: dict[str, Any], first_crawl: dict[str, Any]):
    stats = first_crawl["stats"]
    yield None
    assert stats["gov_reports/feed/written"] == len(demo_expected["reports"])
    assert stats["gov_reports/skipped/report_http_404"] == 1
    assert stats["gov_reports/skipped/report_http_500"] == 1
    assert stats["gov_reports/duplicate_copies"] >= 2  # the 更正 copy and the department copy
    assert stats["gov_reports/listing_pages"] >= 10


@pytest_twisted.inlineCallbacks
def test_robots_txt_is_obeyed(demo_portal: DemoPortal, demo_expected: dict[str, Any], first_crawl: dict[str, Any]):
    yield None
    requested = {(site, path) for site, _method, path, _status in demo_portal.request_log}
    for page in demo_expected["robots_disallowed"]:
        assert (page["site"], page["path"]) not in requested


@pytest_twisted.inlineCallbacks
def test_recrawl_into_the_same_file_changes_nothing(demo_portal: DemoPortal, first_crawl: dict[str, Any]):
    output: Path = first_crawl["output"]
    stats = yield deferred_from_coro(crawl(demo_portal.start_urls, output))
    assert output.read_bytes() == first_crawl["bytes"]
    assert stats["gov_reports/feed/new"] == 0
    assert stats["gov_reports/feed/updated"] == 0
    assert not list(output.parent.glob(".*.pending")), "pending file left behind"


@pytest_twisted.inlineCallbacks
def test_partial_crawls_merge_into_one_dump(demo_portal: DemoPortal, first_crawl: dict[str, Any], tmp_path: Path):
    output = tmp_path / "merged.jsonl"
    for url in demo_portal.start_urls:  # one column at a time, as a backfill would
        yield deferred_from_coro(crawl([url], output))
    assert read_records(output) == read_records(first_crawl["output"])


@pytest_twisted.inlineCallbacks
def test_existing_records_are_never_lost(demo_portal: DemoPortal, tmp_path: Path):
    output = tmp_path / "dump.jsonl"
    foreign = '{"key": "某某县人民政府|2015", "issuer": "某某县人民政府", "year": 2015, "urls": ["http://x.gov.cn/1"]}'
    output.write_text(foreign + "\nnot json at all\n", encoding="utf-8")
    hanweb = demo_portal.start_urls[:1]
    yield deferred_from_coro(crawl(hanweb, output))
    lines = output.read_text(encoding="utf-8").splitlines()
    assert lines[:2] == [foreign, "not json at all"]
    assert len(lines) > 2


@pytest_twisted.inlineCallbacks
def test_crawl_never_leaves_the_start_hosts(demo_portal: DemoPortal, tmp_path: Path):
    trs = [u for u in demo_portal.start_urls if u.startswith(demo_portal.sites["trs"])]
    before = len(demo_portal.request_log)
    yield deferred_from_coro(crawl(trs, tmp_path / "trs.jsonl"))
    sites = {site for site, *_ in demo_portal.request_log[before:]}
    assert sites == {"trs"}
    assert all(r["url"].startswith(demo_portal.sites["trs"]) for r in read_records(tmp_path / "trs.jsonl").values())
