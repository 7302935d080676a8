"""Fault injection: crawl a portal that misbehaves on purpose (fault_portal.py) and check the exact outcome.

Every case ends either in a real record or in a recorded skip with its reason;
WAF pages are counted per host, retried after a pause and never parsed.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
import pytest_twisted
from scrapy.utils.defer import deferred_from_coro

from gov_reports.crawl.summary import blocked_hosts, format_summary, skipped_reasons
from tests.support.crawling import crawl, read_records
from tests.support.faults.fault_portal import (
    CUT,
    GBK_NO_CHARSET,
    GBK_UTF8_HEADER,
    MOJIBAKE,
    OK,
    RETRY_AFTER,
    WAF_ONCE,
    FaultPortal,
    demo_reports,
)

# Small pauses so the test is quick; the cap keeps many bad answers in a row from adding up.
FAST_BACKOFF = ["GOV_REPORTS_BACKOFF_MAX=0.5", "DOWNLOAD_MAXSIZE=1048576"]


@pytest.fixture(scope="module")
def fault_portal() -> Iterator[FaultPortal]:
    with FaultPortal() as portal:
        yield portal


@pytest_twisted.async_fixture(scope="module")
async def fault_crawl(fault_portal: FaultPortal, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The fault column crawled once for this module's tests, whichever of them runs first (or alone)."""
    output = tmp_path_factory.mktemp("faults") / "reports.jsonl"
    stats = await deferred_from_coro(crawl([fault_portal.url("/nb/index.html")], output, overrides=FAST_BACKOFF))
    return {"output": output, "stats": stats}


def gaps(times: list[float]) -> list[float]:
    return [b - a for a, b in itertools.pairwise(sorted(times))]


def test_fault_column(fault_portal: FaultPortal, fault_crawl: dict):
    stats = fault_crawl["stats"]
    records = read_records(fault_crawl["output"])
    # The cases that end well, and only they, give records: exactly these.
    expected = {r.key: r for r in (OK, WAF_ONCE, RETRY_AFTER, GBK_UTF8_HEADER, GBK_NO_CHARSET, MOJIBAKE, CUT)}
    assert set(records) == set(expected)
    for key, report in expected.items():
        assert records[key]["title"] == report.title, key
        assert "\ufffd" not in records[key]["text"] and "锟斤拷" not in records[key]["text"], key
    # Every other case is a skip with its reason, counted exactly.
    assert skipped_reasons(stats) == {
        "waf_blocked": 4,  # waf-412, waf-521, verify, shell
        "report_http_503": 1,  # storm-503
        "report_http_500": 1,  # storm-500
        "report_connection_lost": 1,  # reset
        "redirect_loop": 1,  # loop -> loop-b -> loop
        "private_address": 2,  # to-metadata (169.254.169.254), to-localhost
        "offsite_host": 1,  # to-other-host
        "report_too_large": 2,  # huge, huge-stream
        "report_truncated": 1,  # truncated
        "undecodable": 1,  # garbled
    }
    assert stats["gov_reports/reports_extracted"] == 7


def test_waf_pages_counted_per_host_retried_never_parsed(fault_portal: FaultPortal, fault_crawl: dict):
    stats, hits = fault_crawl["stats"], fault_portal.hits
    # 4 pages blocked on every try (1 + GOV_REPORTS_WAF_RETRIES) + waf-once blocked once.
    assert blocked_hosts(stats) == {fault_portal.netloc: 4 * 3 + 1}
    assert {k: v for k, v in stats.items() if k.startswith("gov_reports/blocked_kind/")} == {
        "gov_reports/blocked_kind/ruishu": 3,
        "gov_reports/blocked_kind/jiasule": 3 + 1,
        "gov_reports/blocked_kind/challenge_page": 3,
        "gov_reports/blocked_kind/js_shell": 3,
    }
    for slug in ("waf-412", "waf-521", "verify", "shell"):
        times = hits[f"/nb/{slug}.html"]
        assert len(times) == 3, slug
        # Each retry waited for the host's pause (at least the WAF base pause of the LocalPortal add-on, 0.1 s).
        assert min(gaps(times)) >= 0.09, slug
    assert len(hits["/nb/waf-once.html"]) == 2
    # Block pages never reach extraction: only the 7 good pages were extracted, no extraction errors.
    assert "gov_reports/skipped/extraction_error" not in stats


def test_retry_after_and_storms(fault_portal: FaultPortal, fault_crawl: dict):
    stats, hits = fault_crawl["stats"], fault_portal.hits
    assert stats["gov_reports/retry_after_honoured"] == 1
    first, second = hits["/nb/retry-after.html"]
    assert second - first >= 1.0  # Retry-After: 1
    for slug in ("storm-503", "storm-500", "reset", "truncated"):
        assert len(hits[f"/nb/{slug}.html"]) == 2, slug  # RETRY_TIMES=1 in the LocalPortal add-on


def test_redirects_stay_on_configured_hosts(fault_portal: FaultPortal, fault_crawl: dict):
    hits = fault_portal.hits
    assert len(hits["/nb/loop.html"]) == 1 and len(hits["/nb/loop-b.html"]) == 1
    assert len(hits["/nb/ok.html"]) == 1  # the redirect from to-localhost was never followed


def test_encodings_repaired(fault_crawl: dict):
    stats = fault_crawl["stats"]
    assert stats["gov_reports/encoding_repaired/charset"] == 1  # gbk-utf8-header
    assert stats["gov_reports/encoding_repaired/mojibake"] == 1
    # gbk-no-charset: Scrapy reads the GBK page right from its bytes alone (no repair needed)
    assert stats["gov_reports/encoding_repaired/charset"] + stats["gov_reports/encoding_repaired/mojibake"] == 2


def test_summary_shows_blocked_hosts_and_reasons(fault_portal: FaultPortal, fault_crawl: dict):
    text = format_summary(fault_crawl["stats"])
    assert "blocked hosts:       1" in text
    assert f"    {fault_portal.netloc}: 13 block page(s)" in text
    assert "  skipped:             15" in text
    for line in ("waf_blocked: 4", "private_address: 2", "redirect_loop: 1", "undecodable: 1", "report_too_large: 2"):
        assert f"    {line}\n" in text + "\n"


@pytest_twisted.inlineCallbacks
def test_retry_after_is_waited_for(tmp_path: Path):
    with FaultPortal() as portal:
        stats = yield deferred_from_coro(crawl([portal.url("/one/retry-after.html")], tmp_path / "out.jsonl"))
        first, second = portal.hits["/nb/retry-after.html"]
    assert second - first >= 1.0  # Retry-After: 1, nothing else in the crawl to wait for
    assert stats["gov_reports/retry_after_honoured"] == 1
    assert set(read_records(tmp_path / "out.jsonl")) == {RETRY_AFTER.key}


@pytest_twisted.inlineCallbacks
def test_waf_pause_grows(tmp_path: Path):
    with FaultPortal() as portal:
        stats = yield deferred_from_coro(crawl([portal.url("/one/waf-412.html")], tmp_path / "out.jsonl"))
        times = portal.hits["/nb/waf-412.html"]
    # The LocalPortal add-on's WAF pause: 0.1 s, doubling with each block in a row.
    assert len(times) == 3 and gaps(times)[0] >= 0.095 and gaps(times)[1] >= 0.19
    assert skipped_reasons(stats) == {"waf_blocked": 1}


@pytest_twisted.inlineCallbacks
def test_timeout_is_a_recorded_skip(tmp_path: Path):
    with FaultPortal() as portal:
        stats = yield deferred_from_coro(
            crawl([portal.url("/slow/index.html")], tmp_path / "out.jsonl", overrides=["DOWNLOAD_TIMEOUT=0.5"])
        )
        assert len(portal.hits["/nb/slow.html"]) == 2
    assert skipped_reasons(stats) == {"report_timeout": 1}
    assert read_records(tmp_path / "out.jsonl") == {}


@pytest_twisted.inlineCallbacks
def test_robots_crawl_delay_and_user_agent(tmp_path: Path):
    with FaultPortal(crawl_delay=0.3, good=3) as portal:
        stats = yield deferred_from_coro(
            crawl(
                [portal.url("/good/index.html")],
                tmp_path / "out.jsonl",
                overrides=["GOV_REPORTS_CONTACT=mailto:ops@example.org"],
            )
        )
        times = [t for path, ts in portal.hits.items() if path != "/robots.txt" for t in ts]
    assert len(times) == 4  # the column and its 3 reports
    # Each request is booked 0.3 s after the previous one; arrival times jitter a little around the booking.
    assert max(times) - min(times) >= 0.8 and min(gaps(times)) >= 0.15
    assert stats[f"gov_reports/crawl_delay/{portal.netloc}"] == 0.3
    # The honest User-Agent, with the contact given on the command line.
    assert portal.user_agents == {
        "gov-reports/0.1 (research crawler of government disclosure annual reports; +mailto:ops@example.org)"
    }
    assert set(read_records(tmp_path / "out.jsonl")) == {r.key for r in demo_reports()[:3]}


@pytest_twisted.inlineCallbacks
def test_hostile_urls_write_nothing_outside_output_and_jobdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    workdir, out_dir, job_dir = tmp_path / "cwd", tmp_path / "out", tmp_path / "job"
    workdir.mkdir()
    monkeypatch.chdir(workdir)
    around = sorted(p.name for p in tmp_path.parent.iterdir())
    with FaultPortal() as portal:
        stats = yield deferred_from_coro(
            crawl([portal.url("/hostile/index.html")], out_dir / "reports.jsonl", jobdir=str(job_dir))
        )
        requested = set(portal.hits)
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert written and all(p.is_relative_to(out_dir) or p.is_relative_to(job_dir) for p in written), written
    assert not any(workdir.iterdir())
    assert sorted(p.name for p in tmp_path.parent.iterdir()) == around
    assert not list(Path("/tmp").glob("gov-reports-escape*"))
    assert set(read_records(out_dir / "reports.jsonl")) == {OK.key}
    # The odd links were only ever URLs on the configured host (answered 404 there); the file: link is not
    # followed and the 3000-character one is over Scrapy's URLLENGTH_LIMIT.
    assert "/etc/passwd" in requested and "/nb/ok.html" in requested
    assert skipped_reasons(stats) == {"report_http_404": 6}
    assert stats["urllength/request_ignored_count"] == 1
