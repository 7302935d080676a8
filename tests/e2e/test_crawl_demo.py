"""End to end: crawl the bundled demo portal over HTTP and check the dump against its ground truth."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import pytest_twisted
from scrapy.utils.defer import deferred_from_coro

from gov_reports.crawl.summary import SKIPPED
from gov_reports.demo.server import DemoPortal
from gov_reports.model.schema import record_validator
from tests.support.crawling import crawl, read_records

# The demo's .doc attachment is read by LibreOffice or antiword (CI installs both: .ci/packages/documents.txt).
HAVE_WORD_CONVERTER = bool(shutil.which("soffice") or shutil.which("libreoffice") or shutil.which("antiword"))


@pytest_twisted.async_fixture(scope="module")
async def first_crawl(demo_portal: DemoPortal, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The demo crawled once for this module's tests, whichever of them runs first (or alone)."""
    output = tmp_path_factory.mktemp("crawl") / "reports.jsonl"
    stats = await deferred_from_coro(crawl(demo_portal.start_urls, output))
    return {"output": output, "stats": stats, "bytes": output.read_bytes()}


def site_url(portal: DemoPortal, site: str, path: str) -> str:
    return portal.url(site, path)


def test_demo_crawl(demo_portal: DemoPortal, demo_expected: dict[str, Any], first_crawl: dict[str, Any]):
    records = read_records(first_crawl["output"])

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
        assert (got["published"], got["published_source"], got["corrected"]) == (
            want["published"],
            want["published_source"],
            want["corrected"],
        ), key
        assert got["format"] == want["format"], key
        assert got["url"] == site_url(demo_portal, want["site"], want["best_path"]), key
        # Without LibreOffice or antiword the .doc is a counted skip (attachment_needs_converter), not a copy.
        files = want.get("files", []) if HAVE_WORD_CONVERTER or not want.get("needs_converter") else []
        places = {*want["paths"], *(f["link"] for f in files), *want.get("linked_from", [])}
        assert got["urls"] == sorted(site_url(demo_portal, want["site"], p) for p in places), key
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
        if not column or (want.get("needs_converter") and not HAVE_WORD_CONVERTER):
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
    assert lines[0] == foreign and len(lines) > 1
    # The line that is no record left the dump, verbatim, for the .rejected side file (docs/reliability.md).
    rejected = (tmp_path / "dump.jsonl.rejected").read_text(encoding="utf-8")
    assert rejected.endswith("\tnot json at all\n") and "not json at all" not in lines


@pytest_twisted.inlineCallbacks
def test_crawl_never_leaves_the_start_hosts(demo_portal: DemoPortal, tmp_path: Path):
    trs = [u for u in demo_portal.start_urls if u.startswith(demo_portal.sites["trs"])]
    before = len(demo_portal.request_log)
    yield deferred_from_coro(crawl(trs, tmp_path / "trs.jsonl"))
    sites = {site for site, *_ in demo_portal.request_log[before:]}
    assert sites == {"trs"}
    assert all(r["url"].startswith(demo_portal.sites["trs"]) for r in read_records(tmp_path / "trs.jsonl").values())


# --------------------------------------------------------------------------- attachments


@pytest_twisted.inlineCallbacks
def test_demo_attachments_are_recorded_with_size_and_hash(
    demo_portal: DemoPortal, demo_expected: dict[str, Any], first_crawl: dict[str, Any]
):
    records = read_records(first_crawl["output"])
    yield None
    with_files = [r for r in demo_expected["reports"] if r.get("files")]
    assert {r["key"] for r in with_files} == {
        "哈尔滨市人民政府|2020",
        "秦皇岛市人民政府|2020",
        "杭州市江干区人民政府|2019",
    }
    for want in with_files:
        if want.get("needs_converter") and not HAVE_WORD_CONVERTER:
            continue
        got = records[want["key"]]
        entries = {a["url"]: a for a in got["attachments"]}
        for file in want["files"]:
            entry = entries[site_url(demo_portal, want["site"], file["link"])]
            assert (entry["type"], entry["size"], entry["sha256"]) == (file["type"], file["size"], file["sha256"])


@pytest_twisted.inlineCallbacks
def test_demo_page_without_tables_takes_them_from_its_attachment(
    demo_portal: DemoPortal, demo_expected: dict[str, Any], first_crawl: dict[str, Any]
):
    """哈尔滨 2020: the page (no tables) and its .doc are one record: the page's URL and PubDate,
    the .doc's tables 二/三/四 and text."""
    if not HAVE_WORD_CONVERTER:
        pytest.skip("needs LibreOffice or antiword (apt: libreoffice-writer-nogui or antiword)")
    record = read_records(first_crawl["output"])["哈尔滨市人民政府|2020"]
    yield None
    want = next(r for r in demo_expected["reports"] if r["key"] == "哈尔滨市人民政府|2020")
    assert record["url"] == site_url(demo_portal, "hanweb", want["best_path"])
    assert (record["published"], record["published_source"]) == ("2021-03-05", "meta")
    assert {"stats_from_attachment", "text_from_attachment"} <= set(record["flags"])
    assert "tables_missing" not in record["flags"] and "from_attachment" not in record["flags"]
    stats = record["stats"]
    assert stats["disclosure"]["licensing"]["decisions"] == 201337
    assert stats["disclosure"]["procurement"]["amount"]["value"] == 254318.66
    assert stats["applications"]["new"] == {
        "natural_person": 2581,
        "commercial": 187,
        "research": 0,
        "social_welfare": 0,
        "legal_service": 0,
        "other_org": 19,
        "total": 2787,
    }
    assert stats["reviews"]["reconsideration"] == {"upheld": 42, "corrected": 7, "other": 11, "pending": 6, "total": 66}
    assert record["summary"]["litigation_total"] == 43
    assert all(c["ok"] is not False for c in record["checks"])
    assert "三、收到和处理政府信息公开申请情况" in record["text"] and "\t2787" in record["text"]


@pytest_twisted.inlineCallbacks
def test_demo_reports_published_only_as_files(
    demo_portal: DemoPortal, demo_expected: dict[str, Any], first_crawl: dict[str, Any]
):
    records = read_records(first_crawl["output"])
    yield None
    pdf = records["秦皇岛市人民政府|2020"]  # the list links the PDF itself
    applications = pdf["stats"]["applications"]
    assert [applications[row]["total"] for row in ("new", "carried_over", "total", "carried_forward")] == [
        1007,
        23,
        998,
        32,
    ]
    assert pdf["stats"]["disclosure"]["procurement"]["amount"]["raw"] == "98765.43万元"
    assert pdf["stats"]["reviews"]["litigation_after_reconsideration"]["total"] == 4
    assert pdf["flags"] == ["from_attachment"]
    docx = records["杭州市江干区人民政府|2019"]  # the page says only 「详见附件。」
    assert docx["summary"]["applications_new"] == 377 + 41 + 3
    assert docx["stats"]["disclosure"]["licensing"]["decisions"] == 30567
    assert docx["url"].endswith(".docx") and len(docx["urls"]) == 2
    for record in (pdf, docx):
        assert all(c["ok"] is not False for c in record["checks"])


@pytest_twisted.inlineCallbacks
def test_demo_bad_attachments_are_counted_skips(
    demo_portal: DemoPortal, demo_expected: dict[str, Any], first_crawl: dict[str, Any]
):
    stats = first_crawl["stats"]
    records = read_records(first_crawl["output"])
    yield None
    reasons = sorted(bad["reason"] for bad in demo_expected["bad_files"])
    assert reasons == ["corrupt_pdf", "encrypted_pdf", "not_a_pdf_but_html", "truncated", "zip_bomb"]
    for reason in reasons:
        assert stats[f"{SKIPPED}attachment_{reason}"] == 1, reason
    urls = {u for r in records.values() for u in r["urls"]}
    for bad in demo_expected["bad_files"]:
        assert site_url(demo_portal, bad["site"], bad["page"]) in urls, bad  # the page's record is kept
        assert site_url(demo_portal, bad["site"], bad["path"]) not in urls, bad
    # The 「详见附件」 page (江干 2019) has no text of its own: a named skip, not an empty page.
    assert stats[f"{SKIPPED}body_in_attachment"] == 1
    assert f"{SKIPPED}empty_body" not in stats
