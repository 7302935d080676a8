"""The crawl log beside the dump: one line per crawl, added up by the report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from gov_reports.model.crawl_log import append_crawl, crawl_log_path, read_crawl_log


def stats(finished: int, **skipped: int) -> dict[str, object]:
    return {
        "start_time": dt.datetime(2026, 3, finished, 8, tzinfo=dt.UTC),
        "finish_time": dt.datetime(2026, 3, finished, 9, tzinfo=dt.UTC),
        "downloader/response_count": 40,
        "gov_reports/blocked/www.x.gov.cn": 2,
        **{f"gov_reports/skipped/{k.replace('__', ':')}": v for k, v in skipped.items()},
    }


def test_crawls_append_and_add_up(tmp_path: Path) -> None:
    log = crawl_log_path(tmp_path / "reports.jsonl")
    assert log.name == "reports.jsonl.crawls.jsonl"
    append_crawl(log, stats(2, mirror_rejected__brand_issuer=2, trap_link=5))
    append_crawl(log, stats(9, mirror_rejected__brand_issuer=1, mirror_rejected__unrecognised_issuer=1))
    lines = log.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    history = read_crawl_log([*lines, "{not json", ""])
    assert history.crawls == 2 and history.unreadable_lines == 1
    assert history.last_finished == "2026-03-09T09:00:00+00:00"
    assert history.mirrors_rejected == {"brand_issuer": 3, "unrecognised_issuer": 1}
    assert history.skipped == {"trap_link": 5}
    assert history.blocked_hosts == {"www.x.gov.cn": 4}
