"""Incremental recrawls: a second crawl into the same dump downloads no unchanged report, and picks up a changed one.

The demo portal answers conditional requests (ETag from the content, Last-Modified
from the file's mtime); its request log shows what the crawler downloaded.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import pytest_twisted
from scrapy.utils.defer import deferred_from_coro

from gov_reports.crawl.downloader.incremental import SEEN_SUFFIX
from gov_reports.demo.server import DemoPortal
from tests.support.crawling import crawl, read_records
from tests.support.paths import DEMO_ROOT

CHANGED_SITE, CHANGED_PATH = "generic", "/xxgk/nb/2022/0128/29876.html"  # 虎林市人民政府|2021


@pytest.fixture(scope="module")
def own_portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoPortal]:
    """A portal over a copy of the demo data: one of its pages gets changed."""
    root = tmp_path_factory.mktemp("demo") / "demo"
    shutil.copytree(DEMO_ROOT, root)
    with DemoPortal(root) as portal:
        yield portal


# Without LibreOffice or antiword the .doc of 哈尔滨 2020 is skipped for a missing converter, and its page is
# fetched again on the next crawl to retry it (issue 16 item 7): not a page that answers 304 then.
HAVE_WORD_CONVERTER = bool(shutil.which("soffice") or shutil.which("libreoffice") or shutil.which("antiword"))


def report_paths(expected: dict[str, Any]) -> set[tuple[str, str]]:
    # A report whose page is also a list page (an xxgkAnnualReport.jsp view) is fetched as a list on every crawl.
    return {
        (r["site"], path)
        for r in expected["reports"]
        if not r.get("listing_page") and (HAVE_WORD_CONVERTER or not r.get("needs_converter"))
        for path in r["paths"]
    }


def log_since(portal: DemoPortal, start: int) -> list[tuple[str, str, str, int]]:
    return portal.request_log[start:]


@pytest_twisted.inlineCallbacks
def test_recrawl_downloads_only_lists_and_changed_reports(
    own_portal: DemoPortal, demo_expected: dict[str, Any], tmp_path: Path
):
    output = tmp_path / "reports.jsonl"
    reports = report_paths(demo_expected)
    yield deferred_from_coro(crawl(own_portal.start_urls, output))
    first = output.read_bytes()
    seen = json.loads(Path(str(output) + SEEN_SUFFIX).read_text(encoding="utf-8"))["pages"]
    assert {own_portal.url(site, path) for site, path in reports} <= set(seen)

    # Second crawl, nothing changed: list pages are fetched, every known report answers 304.
    start = len(own_portal.request_log)
    stats = yield deferred_from_coro(crawl(own_portal.start_urls, output))
    log = log_since(own_portal, start)
    downloaded = {(site, path) for site, _, path, status in log if status == 200}
    not_modified = {(site, path) for site, _, path, status in log if status == 304}
    assert not downloaded & reports, "an unchanged report was downloaded again"
    assert not_modified == reports
    assert any(path.endswith(("index.html", "list.html")) for _, path in downloaded), "list pages are always fetched"
    views = {(r["site"], p) for r in demo_expected["reports"] if r.get("listing_page") for p in r["paths"]}
    assert views and views <= downloaded  # report pages that are lists too: read again, merged unchanged
    assert output.read_bytes() == first
    assert stats["gov_reports/incremental/not_modified"] == len(reports)
    assert stats["gov_reports/feed/new"] == stats["gov_reports/feed/updated"] == 0
    assert "gov_reports/skipped/report_ignored" not in stats  # a 304 is not a skip

    # A report is corrected on the server: only it is downloaded again, and the dump takes the change.
    page = Path(own_portal.root) / CHANGED_SITE / CHANGED_PATH.lstrip("/")
    corrected = page.read_text(encoding="utf-8").replace("主动公开政府信息6021条", "主动公开政府信息6125条")
    page.write_text(corrected, encoding="utf-8")
    start = len(own_portal.request_log)
    stats = yield deferred_from_coro(crawl(own_portal.start_urls, output))
    log = log_since(own_portal, start)
    assert {(site, path) for site, _, path, status in log if status == 200} & reports == {(CHANGED_SITE, CHANGED_PATH)}
    assert stats["gov_reports/feed/updated"] == 1 and stats["gov_reports/feed/new"] == 0
    records = read_records(output)
    assert "6125条" in records["虎林市人民政府|2021"]["text"]
    before = {json.loads(line)["key"]: line for line in first.decode("utf-8").splitlines()}
    after = {json.loads(line)["key"]: line for line in output.read_text(encoding="utf-8").splitlines()}
    assert [k for k in before if before[k] != after[k]] == ["虎林市人民政府|2021"]


@pytest_twisted.inlineCallbacks
def test_a_dump_written_afresh_fetches_every_report(
    own_portal: DemoPortal, demo_expected: dict[str, Any], tmp_path: Path
):
    """The seen-store alone never stops a download: the key must still be in the dump."""
    output = tmp_path / "reports.jsonl"
    hanweb = [u for u in own_portal.start_urls if u.startswith(own_portal.sites["hanweb"])]
    yield deferred_from_coro(crawl(hanweb, output))
    first = read_records(output)
    output.unlink()
    start = len(own_portal.request_log)
    stats = yield deferred_from_coro(crawl(hanweb, output))
    assert "gov_reports/incremental/revalidated" not in stats
    assert not [entry for entry in log_since(own_portal, start) if entry[3] == 304]
    assert read_records(output).keys() == first.keys()
