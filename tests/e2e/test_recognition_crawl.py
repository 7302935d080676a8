"""Recognition by content, end to end: `gov-reports extract` on the tuned real files, and a crawl of a 年报
column holding every candidate and trap form (tests/support/recognition_portal.py); the decisions themselves
are tested in tests/unit/test_recognition.py."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest_twisted
from scrapy.utils.defer import deferred_from_coro

from gov_reports.crawl.summary import REFUSED, SKIPPED, format_summary
from tests.support.crawling import crawl, read_records
from tests.support.paths import ROOT
from tests.support.real_corpus_support import HOLDOUT, TUNED_REPORTS, TUNED_TRAPS, corpus_file
from tests.support.recognition_portal import (
    COLUMN_RECORDS,
    COLUMN_REFUSED,
    NEVER_FETCHED,
    RecognitionPortal,
)


def truth() -> dict[str, dict[str, Any]]:
    documents = json.loads((ROOT / "tests" / "fixtures" / "real" / "truth.json").read_text(encoding="utf-8"))
    return {name: doc for name, doc in documents["documents"].items() if name not in HOLDOUT}


def test_extract_cli_tuned_traps_give_no_record_and_reports_theirs(tmp_path: Path) -> None:
    names = [*TUNED_TRAPS, *TUNED_REPORTS]
    out = tmp_path / "real.jsonl"
    files = [str(corpus_file(name)) for name in names]
    command = [sys.executable, "-m", "gov_reports.cli", "extract", *files, "-o", str(out)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_file = {Path(record["url"]).name: record for record in records}
    assert not set(TUNED_TRAPS) & set(by_file)
    for name, reason in TUNED_TRAPS.items():
        assert f"{name}: {reason}" in result.stderr, name
    expected = truth()
    for name in TUNED_REPORTS:
        assert name in by_file, name
        assert (by_file[name]["issuer"], by_file[name]["year"]) == (expected[name]["issuer"], expected[name]["year"])


@pytest_twisted.inlineCallbacks
def test_crawl_fetches_candidates_and_counts_refusals(tmp_path: Path):
    with RecognitionPortal() as portal:
        stats = yield deferred_from_coro(crawl([portal.start_url], tmp_path / "column.jsonl"))
        requested = set(portal.server.requests)
    records = read_records(tmp_path / "column.jsonl")
    assert set(records) == COLUMN_RECORDS
    refused = {k[len(REFUSED) :]: v for k, v in stats.items() if k.startswith(REFUSED)}
    assert refused == COLUMN_REFUSED
    assert stats[SKIPPED + "trap_link"] == 1
    assert not NEVER_FETCHED & requested
    summary = format_summary(stats)
    assert f"refused candidates:  {sum(COLUMN_REFUSED.values())}" in summary
    assert all(f"    {reason}: {count}" in summary for reason, count in COLUMN_REFUSED.items())
    # Every link fetched is counted for its column: titled like a report, or another candidate.
    fetched = sum(
        stats.get(f"gov_reports/source/{count}/{portal.start_url}", 0) for count in ("report_links", "candidates")
    )
    assert fetched == len(COLUMN_RECORDS) + sum(COLUMN_REFUSED.values())
